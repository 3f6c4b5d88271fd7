import Link from "next/link";
import { Card } from "@tessera/ui";
import { th } from "@/i18n";

export interface HomeStep {
  key: string;
  text: string;
  href: string;
  linkLabel: string;
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
              <Link href={step.href} className="font-semibold text-link underline">
                {step.linkLabel}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
