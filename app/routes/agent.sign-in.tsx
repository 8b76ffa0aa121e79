import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { clientAddress } from "~/agent/client-address.server";
import { CsrfField } from "~/components/agent/CsrfField";
import { clearSignInToken, signInToken, verifySignInPost } from "~/agent/csrf.server";
import { currentAgent, safeNextPath, startSession } from "~/agent/session.server";
import { signIn } from "~/agent/sign-in.server";
import { db } from "~/db.server";
import { readForm } from "~/http/input.server";

const signInSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
  next: z.string().optional(),
});

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const next = safeNextPath(new URL(request.url).searchParams.get("next"));
  if (await currentAgent(db, request)) throw redirect(next);
  const { token, setCookie } = await signInToken(request);
  return data({ csrfToken: token, next }, { headers: { "Set-Cookie": setCookie } });
};

export const action = async ({ request, context }: ActionFunctionArgs) => {
  const form = await readForm(request);
  await verifySignInPost(request, form);
  const parsed = signInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ error: "missing" as const, minutes: 0 }, { status: 400 });
  const result = await signIn(db, {
    email: parsed.data.email,
    password: parsed.data.password,
    address: clientAddress(request, context),
  });
  if (!result.ok) {
    if (result.reason === "invalid") {
      await new Promise((resolve) => setTimeout(resolve, result.delayMs));
      return data({ error: result.reason, minutes: 0 }, { status: 401 });
    }
    return data({ error: result.reason, minutes: Math.ceil(result.retryAfterMs / 60_000) }, { status: 429 });
  }
  const session = await startSession(db, result.agent.id);
  const headers = new Headers();
  headers.append("Set-Cookie", session.setCookie);
  headers.append("Set-Cookie", await clearSignInToken());
  return redirect(safeNextPath(parsed.data.next), { headers });
};

export default function SignIn() {
  const { t } = useTranslation("agent");
  const { csrfToken, next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  return (
    <Page narrowWidth>
      <BlockStack gap="400">
        <Text as="h1" variant="headingLg">
          {t("signIn.title")}
        </Text>
        {result ? (
          <Banner tone="critical" title={t(`signIn.errors.${result.error}.title`)}>
            <p>{t(`signIn.errors.${result.error}.body`, { count: result.minutes })}</p>
          </Banner>
        ) : null}
        <Card>
          <Form method="post">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="next" value={next} />
            <FormLayout>
              <TextField
                label={t("signIn.email")}
                type="email"
                name="email"
                value={email}
                onChange={setEmail}
                autoComplete="username"
                requiredIndicator
              />
              <TextField
                label={t("signIn.password")}
                type="password"
                name="password"
                value={password}
                onChange={setPassword}
                autoComplete="current-password"
                requiredIndicator
              />
              <Button submit variant="primary" loading={navigation.state === "submitting"}>
                {t("signIn.submit")}
              </Button>
            </FormLayout>
          </Form>
        </Card>
        <Text as="p" tone="subdued">
          {t("signIn.help")}
        </Text>
      </BlockStack>
    </Page>
  );
}
