import { BlockStack, Card, Text, type CardProps } from "@shopify/polaris";
import type { ReactNode } from "react";

/** A console card with its title: the ticket page's panels, the ticket facts and the dashboard's charts. */
export function TitledCard({
  title,
  gap = "300",
  background,
  children,
}: {
  title: string;
  gap?: "200" | "300";
  background?: CardProps["background"];
  children: ReactNode;
}) {
  return (
    <Card background={background}>
      <BlockStack gap={gap}>
        <Text as="h2" variant="headingSm">
          {title}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}
