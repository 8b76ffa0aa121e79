import { Box, Text } from "@shopify/polaris";

/** One line of a ticket's text in a table, cut short with an ellipsis so the table fits the page. */
export function TruncatedText({ text, maxWidth }: { text: string; maxWidth: string }) {
  return (
    <Box maxWidth={maxWidth}>
      <Text as="p" truncate>
        {text}
      </Text>
    </Box>
  );
}
