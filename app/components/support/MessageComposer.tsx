import type { ReactNode } from "react";
import { BlockStack, Button, InlineStack, TextField } from "@shopify/polaris";
import { REPLY_MAX } from "~/support/tickets/ticket-input";

interface Props {
  label: string;
  helpText?: string;
  value: string;
  onChange: (value: string) => void;
  rows: number;
  error?: string;
  submitLabel: string;
  busy: boolean;
  primary?: boolean;
  /** Files to send with the message, shown between the text and the button. */
  attach?: ReactNode;
}

/** The text box and send button of a reply or a note; the surrounding form says where it goes. */
export function MessageComposer(props: Props) {
  return (
    <BlockStack gap="300">
      <TextField
        label={props.label}
        helpText={props.helpText}
        name="body"
        value={props.value}
        onChange={props.onChange}
        multiline={props.rows}
        maxLength={REPLY_MAX}
        autoComplete="off"
        error={props.error}
      />
      {props.attach}
      <InlineStack>
        <Button submit variant={props.primary ? "primary" : undefined} loading={props.busy}>
          {props.submitLabel}
        </Button>
      </InlineStack>
    </BlockStack>
  );
}
