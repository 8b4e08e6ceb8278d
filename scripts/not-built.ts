// Placeholder for npm scripts whose feature has not landed yet: says so and fails.
const name = process.argv[2] ?? "this command";
console.error(`${name}: not built yet`);
process.exit(1);
