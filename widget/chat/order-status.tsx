/** Where the order stands after the hand-off, or what it waits for: one card that changes as status events arrive. */
import { AlertIcon, CheckIcon, ClockIcon } from "../shared/icons.tsx";
import type { I18n } from "../shared/i18n.ts";
import type { OrderState, Pending } from "../shared/types.ts";

export function OrderStatus({
  i18n,
  order,
  pending,
}: {
  i18n: I18n;
  order: OrderState | null;
  pending: Pending | null;
}) {
  const { t } = i18n;
  if (!order && pending?.type === "approval")
    return (
      <div class="os-status wait" data-status="pending_approval">
        <ClockIcon />
        <div>
          <strong>{t("status_pending_approval")}</strong>
        </div>
      </div>
    );
  if (!order) return null;
  const s = order.status;
  if (order.erpOrderNumber || s === "accepted" || s === "changed" || s === "shipped")
    return (
      <div class="os-status ok" data-status="confirmed">
        <CheckIcon />
        <div>
          <strong>{t("status_confirmed", { erp: order.erpOrderNumber ?? order.orderId })}</strong>
          {order.orderId}
          {order.reason && <div>{order.reason}</div>}
        </div>
      </div>
    );
  if (s === "rejected" || s === "delivery_failed")
    return (
      <div class="os-status bad" data-status={s}>
        <AlertIcon />
        <div>
          <strong>
            {s === "rejected"
              ? t("status_rejected", { reason: order.reason ? `: ${order.reason}` : "" })
              : t("status_failed", { id: order.orderId })}
          </strong>
        </div>
      </div>
    );
  return (
    <div class="os-status wait" data-status={s}>
      <ClockIcon />
      <div>
        <strong>{t(s === "delivered" ? "status_delivered" : "status_handed_off", { id: order.orderId })}</strong>
      </div>
    </div>
  );
}
