import { describe, expect, it } from "vitest";
import { agentTimeZone } from "./time-zone";

describe("the agent's time zone", () => {
  it("is the zone the browser named in its cookie, when the runtime knows it", () => {
    expect(agentTimeZone("a=1; spl_agent_tz=Europe%2FRome; b=2")).toBe("Europe/Rome");
    expect(agentTimeZone("spl_agent_tz=America/New_York")).toBe("America/New_York");
  });

  it("is unknown (times then show in UTC) without the cookie or with a zone that does not exist", () => {
    expect(agentTimeZone(null)).toBeNull();
    expect(agentTimeZone("spl_agent_tz=Mars%2FOlympus")).toBeNull();
    expect(agentTimeZone(`spl_agent_tz=${"x".repeat(100)}`)).toBeNull();
  });
});
