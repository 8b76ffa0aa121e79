import { lazy, Suspense, type ComponentProps } from "react";

/**
 * The error pages, loaded when one is shown: their English texts and Polaris's (which the working
 * pages get from their layout's loader) cost every page's JavaScript a few KB gzipped (the Support
 * page 1.8 KB, the agent queue 3.6 KB).
 */
const ErrorPageModule = lazy(() => import("./ErrorPage").then(({ ErrorPage }) => ({ default: ErrorPage })));
const ServiceUnavailableModule = lazy(() =>
  import("./ServiceUnavailable").then(({ ServiceUnavailable }) => ({ default: ServiceUnavailable })),
);

export function ErrorPage(props: ComponentProps<typeof ErrorPageModule>) {
  return (
    <Suspense fallback={null}>
      <ErrorPageModule {...props} />
    </Suspense>
  );
}

export function ServiceUnavailable(props: ComponentProps<typeof ServiceUnavailableModule>) {
  return (
    <Suspense fallback={null}>
      <ServiceUnavailableModule {...props} />
    </Suspense>
  );
}
