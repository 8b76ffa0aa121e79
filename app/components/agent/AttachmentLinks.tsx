import { BlockStack, Button } from "@shopify/polaris";
import { useTranslation } from "~/i18n/use-translation";

type Attachment = { id: string; filename: string; size: number };

/** Download links for a ticket's or a note's files: plain links, so the agent's session cookie goes with them. */
export function AttachmentLinks({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation("agent");
  return (
    <BlockStack gap="100" inlineAlign="start">
      {attachments.map((attachment) => (
        <Button
          key={attachment.id}
          variant="plain"
          url={`/agent/attachments/${attachment.id}`}
          download={attachment.filename}
        >
          {t("ticket.download", {
            name: attachment.filename,
            size: Math.max(1, Math.round(attachment.size / 1024)),
          })}
        </Button>
      ))}
    </BlockStack>
  );
}
