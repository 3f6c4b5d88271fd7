import { describe, expect, it } from "vitest";
import {
  grantedQuantityProblem,
  quantityUnits,
  requestedQuantityProblem,
} from "./quantity-messages";

const h100 = { name: "NVIDIA H100 80 GB", kind: "GPU", unit: "GPU" } as const;
const cpu = { name: "CPU core", kind: "CPU", unit: "CPU core" } as const;
const chat = { name: "Shared 8B chat model", kind: "TOKENS", unit: "token" } as const;

describe("quantity messages", () => {
  it("name the class's own unit", () => {
    expect(quantityUnits(h100)).toBe("GPU-hours");
    expect(quantityUnits(cpu)).toBe("CPU core-hours");
    expect(quantityUnits(chat)).toBe("millions of tokens");
  });

  it("say a requested quantity must be whole and at least 1, whatever was typed", () => {
    for (const value of [1.5, 0, -3, null])
      expect(requestedQuantityProblem(value, h100), String(value)).toBe(
        "Enter a whole number of GPU-hours for NVIDIA H100 80 GB, at least 1.",
      );
    expect(requestedQuantityProblem(1.5, chat)).toBe(
      "Enter a whole number of millions of tokens for Shared 8B chat model, at least 1.",
    );
    expect(requestedQuantityProblem(1_000, h100)).toBeNull();
  });

  it("say the most one line may ask for, in the field's unit, before the server is asked", () => {
    expect(requestedQuantityProblem(10_000_000, h100)).toBeNull();
    expect(requestedQuantityProblem(99_999_999_999, h100)).toBe(
      "Request at most 10,000,000 GPU-hours of NVIDIA H100 80 GB on one line.",
    );
    expect(requestedQuantityProblem(10_000_001, chat)).toBe(
      "Request at most 10,000,000 millions of tokens of Shared 8B chat model on one line.",
    );
  });

  it("say the most that can be granted, and that a grant is whole", () => {
    expect(grantedQuantityProblem(12_001, 12_000, h100)).toBe(
      "You can grant at most 12,000 GPU-hours of NVIDIA H100 80 GB, what was requested.",
    );
    expect(grantedQuantityProblem(2.5, 12_000, h100)).toBe(
      "Enter a whole number of GPU-hours to grant for NVIDIA H100 80 GB, from 0 to the 12,000 GPU-hours requested.",
    );
    expect(grantedQuantityProblem(3, 2, chat)).toBe(
      "You can grant at most 2 million tokens of Shared 8B chat model, what was requested.",
    );
    expect(grantedQuantityProblem(0, 12_000, h100)).toBeNull();
    expect(grantedQuantityProblem(12_000, 12_000, h100)).toBeNull();
  });
});
