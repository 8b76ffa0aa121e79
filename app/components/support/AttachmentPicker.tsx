import { BlockStack, Button, DropZone, InlineError, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  type AttachmentProblem,
} from "~/support/tickets/attachments";

interface Props {
  files: File[];
  onChange: (files: File[]) => void;
  max: number;
  problem?: { problem: AttachmentProblem; filename?: string } | undefined;
  /** The drop zone's label; the ticket form's "Screenshots" when absent. */
  label?: string;
}

/** Screenshots for a ticket or a reply; the server checks each file's real type by its content. */
export function AttachmentPicker({ files, onChange, max, problem, label }: Props) {
  const { t } = useTranslation("support");
  // A file the picker refused (a .txt, say) is named with the reason, never dropped silently.
  const [refused, setRefused] = useState<string | null>(null);
  const tooLarge = files.find((file) => file.size > MAX_ATTACHMENT_BYTES);
  const shown = tooLarge
    ? { problem: "too_large" as const, filename: tooLarge.name }
    : refused
      ? { problem: "unsupported_type" as const, filename: refused }
      : problem;
  return (
    <BlockStack gap="200">
      <DropZone
        label={label ?? t("ticketForm.attachments")}
        accept={ATTACHMENT_TYPES.join(",")}
        allowMultiple
        disabled={files.length >= max}
        onDrop={(_all, accepted, rejected) => {
          setRefused(rejected[0]?.name ?? null);
          if (accepted.length > 0) onChange([...files, ...accepted].slice(0, max));
        }}
      >
        <DropZone.FileUpload />
      </DropZone>
      <Text as="p" tone="subdued">
        {t("ticketForm.attachmentsHelp", { count: max })}
      </Text>
      {files.map((file) => (
        <InlineStack key={`${file.name}-${file.size}`} gap="200" blockAlign="center">
          <Text as="span">{`${file.name} (${Math.ceil(file.size / 1024)} KB)`}</Text>
          <Button variant="plain" onClick={() => onChange(files.filter((other) => other !== file))}>
            {t("ticketForm.removeFile", { name: file.name })}
          </Button>
        </InlineStack>
      ))}
      {shown ? (
        <InlineError
          fieldID="attachments"
          message={t(`errors.attachments.${shown.problem}`, { name: shown.filename ?? "" })}
        />
      ) : null}
    </BlockStack>
  );
}
