import { DescriptionList, Text } from "@shopify/polaris";

/**
 * Stored JSON (order summary, diagnostics) as a list of fields. Values come from merchants' shops
 * and are shown as text only.
 */
export function JsonDetails({
  value,
  empty,
  labelOf = (key) => key,
}: {
  value: unknown;
  empty: string;
  /** A readable name for a field ("Shopify plan" for `shopPlan`). */
  labelOf?: (key: string) => string;
}) {
  if (
    value === null ||
    value === undefined ||
    (typeof value === "object" && Object.keys(value).length === 0)
  ) {
    return (
      <Text as="p" tone="subdued">
        {empty}
      </Text>
    );
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    return (
      <Text as="p" breakWord>
        {JSON.stringify(value)}
      </Text>
    );
  }
  const items = Object.entries(value as Record<string, unknown>).map(([key, field]) => ({
    term: labelOf(key),
    description: field === null ? "—" : typeof field === "string" ? field : JSON.stringify(field),
  }));
  return <DescriptionList gap="tight" items={items} />;
}
