import { BlockStack, Link, Text } from "@shopify/polaris";

/**
 * A message as plain text, one paragraph per line: merchant and agent text is never HTML. `linkOf`
 * may turn a whole line into a link the page trusts (an agent's guide path on the merchant's side).
 */
export function MessageBody({ text, linkOf }: { text: string; linkOf?: (line: string) => string | null }) {
  return (
    <BlockStack gap="100">
      {text.split(/\r?\n/).map((line, index) => {
        const url = linkOf?.(line.trim()) ?? null;
        return (
          <Text as="p" key={index} breakWord>
            {url ? <Link url={url}>{line}</Link> : line || "\u00a0"}
          </Text>
        );
      })}
    </BlockStack>
  );
}
