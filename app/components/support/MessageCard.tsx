import type { ReactNode } from "react";
import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { formatDateTime } from "../format";
import { MessageBody } from "./MessageBody";

/** One message of a ticket's conversation, as merchants and agents both see it: plain text. */
export function MessageCard(props: {
  author: string;
  createdAt: string | Date;
  body: string;
  fromAgent: boolean;
  locale: string;
  /** The shop's time zone for the merchant; UTC when absent. */
  timeZone?: string | null;
  linkOf?: (line: string) => string | null;
  /** What came with the message (its files), under its text. */
  footer?: ReactNode;
}) {
  return (
    <Card background={props.fromAgent ? "bg-surface-secondary" : undefined}>
      <BlockStack gap="200">
        <InlineStack gap="200" align="space-between">
          <Text as="h3" variant="headingSm">
            {props.author}
          </Text>
          <Text as="span" tone="subdued">
            {formatDateTime(props.createdAt, props.locale, props.timeZone)}
          </Text>
        </InlineStack>
        <MessageBody text={props.body} linkOf={props.linkOf} />
        {props.footer}
      </BlockStack>
    </Card>
  );
}
