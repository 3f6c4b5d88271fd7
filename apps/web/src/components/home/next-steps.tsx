import Link from "next/link";
import { Card } from "@tessera/ui";
import { th } from "@/i18n";

export interface HomeStep {
  key: string;
  text: string;
  href: string;
  linkLabel: string;
  /** A second way to act on the same step. */
  also?: { href: string; label: string };
}

export function NextSteps({ steps }: { steps: HomeStep[] }) {
  return (
    <Card title={th.home.nextSteps}>
      {steps.length === 0 ? (
        <p className="text-fg-muted">{th.home.nothingToDo}</p>
      ) : (
        <ul className="space-y-4" data-testid="next-steps">
          {steps.map((step) => (
            <li key={step.key} className="space-y-1">
              <p>{step.text}</p>
              <p className="flex flex-wrap gap-x-4 gap-y-1">
                <Link href={step.href} className="font-semibold text-link underline">
                  {step.linkLabel}
                </Link>
                {step.also ? (
                  <Link href={step.also.href} className="font-semibold text-link underline">
                    {step.also.label}
                  </Link>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
