import { describe, expect, it } from "vitest";
import { canTransition, closedStatuses, isActive, isOpen, nextStatuses, requestStatuses, transitions } from "./status";

describe("the status transition table", () => {
  it("covers every status of the schema", () => {
    expect(Object.keys(transitions).sort()).toEqual([...requestStatuses].sort());
  });

  it("has no way out of a closed request", () => {
    for (const status of closedStatuses) {
      expect(isOpen(status)).toBe(false);
      expect(nextStatuses(status, "staff")).toEqual([]);
      expect(nextStatuses(status, "requester")).toEqual([]);
    }
  });

  it("lets the requester only confirm, withdraw, and answer a question", () => {
    expect(nextStatuses("AWAITING_CONFIRMATION", "requester")).toEqual(["RECEIVED", "WITHDRAWN"]);
    expect(nextStatuses("RECEIVED", "requester")).toEqual(["WITHDRAWN"]);
    expect(nextStatuses("WAITING_FOR_REQUESTER", "requester")).toEqual(["IN_PROGRESS", "WITHDRAWN"]);
    expect(canTransition("IN_PROGRESS", "COMPLETED", "requester")).toBe(false);
  });

  it("lets staff handle an open request but not confirm one on the requester's behalf", () => {
    expect(canTransition("AWAITING_CONFIRMATION", "RECEIVED", "staff")).toBe(false);
    expect(nextStatuses("RECEIVED", "staff")).toEqual(["IDENTITY_CONFIRMED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "EXTENDED", "COMPLETED", "REJECTED", "WITHDRAWN"]);
    expect(canTransition("EXTENDED", "EXTENDED", "staff")).toBe(false);
    expect(canTransition("IN_PROGRESS", "RECEIVED", "staff")).toBe(false);
  });

  it("every open status can be withdrawn by the requester", () => {
    for (const status of requestStatuses.filter(isOpen)) expect(canTransition(status, "WITHDRAWN", "requester")).toBe(true);
  });

  it("counts only confirmed, open requests as active", () => {
    expect(isActive("AWAITING_CONFIRMATION")).toBe(false);
    expect(isActive("EXTENDED")).toBe(true);
    expect(isActive("COMPLETED")).toBe(false);
  });
});
