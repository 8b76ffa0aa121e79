import { createAppServer } from "./app-server.mjs";

process.env.NODE_ENV ??= "production";
const port = Number(process.env.PORT || 3000);
const app = await createAppServer();
app.listen(port, () => console.log(`SPL Support listening on http://localhost:${port}`));
