import { Badge, BlockStack, Box, Button, Card, InlineStack, Tag, Text } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { intakeStep, type IntakeAnswer } from "~/support/intake";
import type { CategoryId, Route } from "~/support/taxonomy";
import { channelsOf, routeOf } from "~/support/taxonomy";

/** Why this help, in the words of the channel recommended first: the carrier's case is not the account's. */
function reasonKey(category: CategoryId, route: Route) {
  if (route === "spl_ticket") return "triage.splReason";
  return channelsOf(category)[0] === "carrier" ? "triage.carrierReason" : "triage.tiktokReason";
}

interface Props {
  answer: IntakeAnswer;
  /** Goes to the help for `category`; `otherProblem` is the TikTok part of a two-problem text. */
  onProceed: (category: CategoryId, route: Route, otherProblem?: CategoryId) => void;
  /** The next step is on its way: one click is enough. */
  proceeding?: boolean;
}

/** One problem in plain words: what it covers and who fixes it, from the taxonomy and its translations. */
function ProblemSummary({ category }: { category: CategoryId }) {
  const { t } = useTranslation("support");
  const route = routeOf(category);
  return (
    <BlockStack gap="100">
      <InlineStack gap="200" blockAlign="center">
        <Text as="h3" variant="headingSm">
          {t(`categories.${category}.label`)}
        </Text>
        <Badge tone={route === "spl_ticket" ? "info" : "attention"}>
          {t("triage.fixedBy", { owner: t(`routes.${route}`) })}
        </Badge>
      </InlineStack>
      <Text as="p">{t(`categories.${category}.description`)}</Text>
    </BlockStack>
  );
}

/** "Which of these is closest?": the likely problems first, every other one behind "Show all". */
function ClosestChoice({
  choices,
  others,
  onProceed,
  proceeding,
}: {
  choices: CategoryId[];
  others: CategoryId[];
  onProceed: Props["onProceed"];
  proceeding: boolean;
}) {
  const { t } = useTranslation("support");
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? [...choices, ...others] : choices;
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t("triage.closest.heading")}
          </Text>
          <Text as="p">{t("triage.closest.intro")}</Text>
        </BlockStack>
        <BlockStack as="ul" gap="300">
          {shown.map((category) => (
            <Box
              as="li"
              key={category}
              borderColor="border"
              borderWidth="025"
              borderRadius="200"
              padding="300"
            >
              <InlineStack gap="300" align="space-between" blockAlign="center" wrap={false}>
                <ProblemSummary category={category} />
                <Button
                  onClick={() => onProceed(category, routeOf(category))}
                  disabled={proceeding}
                  accessibilityLabel={t("triage.closest.chooseNamed", {
                    category: t(`categories.${category}.label`),
                  })}
                >
                  {t("triage.closest.choose")}
                </Button>
              </InlineStack>
            </Box>
          ))}
        </BlockStack>
        {others.length > 0 ? (
          <InlineStack>
            <Button variant="plain" ariaExpanded={showAll} onClick={() => setShowAll(!showAll)}>
              {t(showAll ? "triage.closest.showFewer" : "triage.closest.showAll")}
            </Button>
          </InlineStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

/** Two problems with different owners: each goes to the help that can fix it. */
function TwoProblems({
  spl,
  tiktok,
  onProceed,
  proceeding,
}: {
  spl: CategoryId;
  tiktok: CategoryId;
  onProceed: Props["onProceed"];
  proceeding: boolean;
}) {
  const { t } = useTranslation("support");
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t("triage.two.heading")}
          </Text>
          <Text as="p">{t("triage.two.intro")}</Text>
        </BlockStack>
        <BlockStack gap="200">
          <ProblemSummary category={spl} />
          <Text as="p">{t("triage.two.splPart")}</Text>
          <InlineStack>
            <Button variant="primary" onClick={() => onProceed(spl, "spl_ticket", tiktok)}>
              {t("triage.two.openTicket", { category: t(`categories.${spl}.label`) })}
            </Button>
          </InlineStack>
        </BlockStack>
        <BlockStack gap="200">
          <ProblemSummary category={tiktok} />
          <Text as="p">{t(reasonKey(tiktok, "tiktok_guide"))}</Text>
          <InlineStack>
            <Button loading={proceeding} onClick={() => onProceed(tiktok, "tiktok_guide")}>
              {t("triage.two.openGuide", { category: t(`categories.${tiktok}.label`) })}
            </Button>
          </InlineStack>
        </BlockStack>
      </BlockStack>
    </Card>
  );
}

/** Who can fix the problem, why we think so, and the next step; or, when unsure, a question. */
export function TriageResult({ answer, onProceed, proceeding = false }: Props) {
  const { t } = useTranslation("support");
  const step = intakeStep(answer);

  if (step.kind === "ask") {
    return (
      <ClosestChoice
        choices={step.choices}
        others={step.others}
        onProceed={onProceed}
        proceeding={proceeding}
      />
    );
  }
  if (step.kind === "two") {
    return <TwoProblems spl={step.spl} tiktok={step.tiktok} onProceed={onProceed} proceeding={proceeding} />;
  }

  const { category, route } = step;
  const evidence = answer.kind === "classified" ? answer.triage.evidence : [];
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("triage.heading")}
        </Text>
        <InlineStack gap="200" blockAlign="center">
          <Text as="p" variant="headingLg">
            {t(`categories.${category}.label`)}
          </Text>
          <Badge tone={route === "spl_ticket" ? "info" : "attention"}>{t(`routes.${route}`)}</Badge>
        </InlineStack>
        <Text as="p">{t(`categories.${category}.description`)}</Text>
        <Text as="p">{t(reasonKey(category, route))}</Text>
        {evidence.length > 0 ? (
          <InlineStack gap="200" blockAlign="center">
            <Text as="span" tone="subdued">
              {t("triage.evidence")}
            </Text>
            {evidence.map((item) => (
              <Tag key={item.term}>{item.term}</Tag>
            ))}
          </InlineStack>
        ) : null}
        {step.chosen ? (
          <Text as="p" tone="subdued">
            {t("triage.chosen")}
          </Text>
        ) : null}
        <InlineStack gap="300" blockAlign="center">
          <Button variant="primary" loading={proceeding} onClick={() => onProceed(category, route)}>
            {t(route === "spl_ticket" ? "triage.nextSpl" : "triage.nextTiktok")}
          </Button>
          <Text as="span" tone="subdued">
            {t("triage.override")}
          </Text>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
