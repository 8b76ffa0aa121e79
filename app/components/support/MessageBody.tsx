import { BlockStack, Text } from "@shopify/polaris";

/** A message as plain text, one paragraph per line: merchant and agent text is never HTML. */
export function MessageBody({ text }: { text: string }) {
  return (
    <BlockStack gap="100">
      {text.split(/\r?\n/).map((line, index) => (
        <Text as="p" key={index} breakWord>
          {line || "\u00a0"}
        </Text>
      ))}
    </BlockStack>
  );
}
