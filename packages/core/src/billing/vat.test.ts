import { describe, expect, it } from "vitest";
import { decideVat, vatLabelFor, vatNoteFor, vatRateText } from "./vat";

const SELLER = { sellerCountry: "DE", vatId: null, vatIdValid: false };

describe("the words an invoice uses for each VAT treatment decideVat makes", () => {
  it("names the rate and the country of domestic VAT", () => {
    const vat = decideVat({ ...SELLER, customerCountry: "DE" });
    expect(vat.treatment).toBe("DOMESTIC");
    expect(vatLabelFor(vat.treatment, vat.country, vat.rateBps)).toBe("VAT 19 % (Germany)");
    expect(vat.note).toBe(
      "VAT of Germany at 19 %: the supplier and the customer are both established in Germany.",
    );
  });

  it("says why a customer in another member state without a VAT id pays its own country's VAT", () => {
    const vat = decideVat({ ...SELLER, customerCountry: "BE" });
    expect(vat.treatment).toBe("EU_CONSUMER");
    expect(vatLabelFor(vat.treatment, vat.country, vat.rateBps)).toBe("VAT 21 % (Belgium)");
    expect(vat.note).toBe(
      "VAT of Belgium at 21 %, the customer's member state: without a validated EU VAT identification number, the service is taxed where the customer is established (Article 58 Directive 2006/112/EC).",
    );
  });

  it("states the reverse charge and its legal ground for a business in another member state", () => {
    const vat = decideVat({
      ...SELLER,
      customerCountry: "FR",
      vatId: "FR12345678901",
      vatIdValid: true,
    });
    expect(vat.treatment).toBe("REVERSE_CHARGE");
    expect(vatLabelFor(vat.treatment, vat.country, vat.rateBps)).toBe("VAT 0 % — reverse charge");
    expect(vat.note).toBe(
      "Reverse charge: VAT to be accounted for by the recipient, Article 196 Directive 2006/112/EC.",
    );
  });

  it("says in words that a customer outside the EU pays no EU VAT, naming its country", () => {
    const vat = decideVat({ ...SELLER, customerCountry: "GB" });
    expect(vat.treatment).toBe("OUTSIDE_EU");
    expect(vatLabelFor(vat.treatment, vat.country, vat.rateBps)).toBe(
      "VAT 0 % — customer outside the EU (United Kingdom)",
    );
    expect(vat.note).toBe(
      "Not subject to EU VAT: the customer is established outside the EU (United Kingdom), where the service is supplied.",
    );
    // No raw treatment code reaches the words.
    expect(vatNoteFor("OUTSIDE_EU", "CH", 0)).not.toMatch(/OUTSIDE|_|\beu\b/);
  });

  it("writes rates with their decimals only where they have some", () => {
    expect(vatRateText(1_900)).toBe("19 %");
    expect(vatRateText(2_550)).toBe("25.5 %");
    expect(vatRateText(0)).toBe("0 %");
  });
});
