import type { ReactNode } from "react";
import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { formatDateTime } from "../format";
import { MessageBody } from "./MessageBody";
import { MessageCard } from "./MessageCard";

export interface ConversationMessage {
  id: string;
  authorType: "merchant" | "agent";
  agentName: string | null;
  body: string;
  createdAt: string | Date;
}

/**
 * A ticket's conversation as the merchant and the agents both see it: the problem as the merchant
 * described it, then every message, all of it plain text. Each side names the authors its own way.
 */
export function TicketConversation(props: {
  heading: string;
  ticket: { description: string; orderId: string | null; messages: ConversationMessage[] };
  authorOf: (message: ConversationMessage) => string;
  /** When set, the problem card shows when it was reported. */
  reportedAt?: string | Date;
  locale: string;
  /** The shop's time zone for the merchant; UTC when absent. */
  timeZone?: string | null;
  /** Lines of agents' messages that open a page of the app (see MessageBody). */
  linkOf?: (line: string) => string | null;
  /** The files that came with a message, shown under it. */
  filesOf?: (message: ConversationMessage) => ReactNode;
}) {
  const { ticket, locale } = props;
  const title = (
    <InlineStack gap="200" blockAlign="center">
      <Text as="h2" variant="headingSm">
        {props.heading}
      </Text>
      {ticket.orderId ? <Badge>{ticket.orderId}</Badge> : null}
    </InlineStack>
  );
  return (
    <>
      <Card>
        <BlockStack gap="200">
          {props.reportedAt === undefined ? (
            title
          ) : (
            <InlineStack gap="200" align="space-between" blockAlign="center">
              {title}
              <Text as="span" tone="subdued">
                {formatDateTime(props.reportedAt, locale, props.timeZone)}
              </Text>
            </InlineStack>
          )}
          <MessageBody text={ticket.description} />
        </BlockStack>
      </Card>
      {ticket.messages.map((message) => (
        <MessageCard
          key={message.id}
          author={props.authorOf(message)}
          createdAt={message.createdAt}
          body={message.body}
          fromAgent={message.authorType === "agent"}
          locale={locale}
          timeZone={props.timeZone}
          linkOf={message.authorType === "agent" ? props.linkOf : undefined}
          footer={props.filesOf?.(message)}
        />
      ))}
    </>
  );
}
