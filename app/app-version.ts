import packageJson from "../package.json";

/** Sent with every ticket's diagnostics so agents know which release the merchant runs. */
export const APP_VERSION: string = packageJson.version;
