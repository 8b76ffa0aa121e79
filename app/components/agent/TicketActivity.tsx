import { BlockStack, Text } from "@shopify/polaris";
import type { TFunction } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { MessageBody } from "~/components/support/MessageBody";
import { formatDateTime } from "~/components/format";
import type { AgentTicket } from "~/agent/agent-tickets.server";
import { AttachmentLinks } from "./AttachmentLinks";

type AuditEntry = AgentTicket["events"][number];

function valueLabel(event: AuditEntry, value: string | null, t: TFunction) {
  if (value === null) return t("agent:activity.nobody");
  if (event.action === "status") return t(`agent:statuses.${value}`);
  if (event.action === "category") return t(`support:categories.${value}.label`);
  if (event.action === "satisfaction") return t(`agent:satisfaction.${value}`);
  return value;
}

function describe(event: AuditEntry, t: TFunction) {
  const actor =
    event.actorType === "merchant"
      ? t("agent:activity.merchant")
      : (event.actorName ?? t("agent:activity.formerAgent"));
  const from = valueLabel(event, event.fromValue, t);
  const to = valueLabel(event, event.toValue, t);
  if (event.action === "assign" && event.toValue === null) return t("agent:activity.unassigned", { actor });
  return t(`agent:activity.${event.action}`, {
    actor,
    from,
    to,
    defaultValue: t("agent:activity.other", { actor, action: event.action }),
  });
}

/** The audit trail: who changed what, and when. */
export function TicketActivity({ events, timeZone }: { events: AuditEntry[]; timeZone?: string | null }) {
  const { t, i18n } = useTranslation("agent");
  return (
    <BlockStack gap="200">
      {events.map((event) => (
        <BlockStack key={event.id} gap="050">
          <Text as="p">{describe(event, t)}</Text>
          <Text as="p" tone="subdued" variant="bodySm">
            {formatDateTime(event.createdAt, i18n.language, timeZone)}
          </Text>
        </BlockStack>
      ))}
    </BlockStack>
  );
}

/** Internal notes and their files: visible to agents only, kept apart from the thread the merchant reads. */
export function InternalNotes({
  notes,
  timeZone,
}: {
  notes: AgentTicket["notes"];
  timeZone?: string | null;
}) {
  const { t, i18n } = useTranslation("agent");
  if (notes.length === 0) {
    return (
      <Text as="p" tone="subdued">
        {t("notes.none")}
      </Text>
    );
  }
  return (
    <BlockStack gap="300">
      {notes.map((note) => (
        <BlockStack key={note.id} gap="100">
          <Text as="p" variant="bodySm" tone="subdued">
            {t("notes.by", {
              name: note.agentName ?? t("ticket.formerAgent"),
              date: formatDateTime(note.createdAt, i18n.language, timeZone),
            })}
          </Text>
          <MessageBody text={note.body} />
          {note.attachments.length > 0 ? <AttachmentLinks attachments={note.attachments} /> : null}
        </BlockStack>
      ))}
    </BlockStack>
  );
}
