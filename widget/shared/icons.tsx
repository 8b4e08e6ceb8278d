/** The few icons the widgets use, inline (no icon font, no request). Decorative: hidden from assistive tech. */
const svg = (d: string) => () => (
  <svg
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d={d} />
  </svg>
);

export const ChatIcon = svg("M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z");
export const CloseIcon = svg("M6 6l12 12M18 6 6 18");
export const SendIcon = svg("M4 12 20 4l-6 16-3-7-7-1Z");
export const StopIcon = svg("M7 7h10v10H7z");
export const NewIcon = svg("M12 5v14M5 12h14");
export const CheckIcon = svg("M20 6 9 17l-5-5");
export const ClockIcon = svg("M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z");
export const AlertIcon = svg(
  "M12 8v5M12 16.5v.5M10.3 3.9 2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z",
);
export const ShieldIcon = svg("M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6l-8-3Zm-3 9 2 2 4-4");
