import type { ComponentProps, ComponentType, ReactNode } from "react";
import { cn, describedBy, FieldMessages, Select, TextArea, TextInput } from "@tessera/ui";
import { Field } from "@/components/field";
import { t } from "@/i18n";

/** What every labelled control shares: its id, label, hint, error and the frame around it. */
interface FieldFrame {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  /** Classes for the frame (label, hint, error and control), for example a grid span. */
  fieldClassName?: string;
}

/** Control attributes the frame sets itself, so that callers cannot wire them differently. */
type Wired = "id" | "invalid" | "aria-describedby";

interface WiredProps {
  id?: string;
  invalid?: boolean;
  "aria-describedby"?: string;
}

/**
 * Puts a control in the labelled frame and wires it up: the same id as the label's `for`, the
 * hint and error as its description, and aria-invalid while there is an error.
 */
function framed<Props extends WiredProps>(Control: ComponentType<Props>) {
  return function FramedField({
    id,
    label,
    hint,
    error,
    optional,
    fieldClassName,
    ...control
  }: FieldFrame & Omit<Props, Wired>) {
    const wiring: WiredProps = {
      id,
      invalid: !!error,
      "aria-describedby": describedBy(id, hint, error),
    };
    return (
      <Field
        id={id}
        label={label}
        hint={hint}
        error={error}
        optional={optional}
        className={fieldClassName}
      >
        <Control {...(control as unknown as Props)} {...wiring} />
      </Field>
    );
  };
}

/** A labelled text input with its hint and error. */
export const InputField = framed<ComponentProps<typeof TextInput>>(TextInput);

/** A labelled text area with its hint and error. */
export const TextAreaField = framed<ComponentProps<typeof TextArea>>(TextArea);

/** A labelled select with its hint and error; the options are its children. */
export const SelectField = framed<ComponentProps<typeof Select>>(Select);

/** A checkbox with its label beside it (the "available to people" switches on edit forms). */
export function CheckboxField({
  id,
  name,
  label,
  defaultChecked,
  value,
}: {
  id: string;
  name: string;
  label: ReactNode;
  defaultChecked?: boolean;
  /** What the form sends when it is ticked (one of several boxes of the same name); "on" if unset. */
  value?: string;
}) {
  return (
    <div className="flex items-center gap-2">
      <input
        id={id}
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        className="size-5 shrink-0"
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/**
 * A question made of several controls: a fieldset whose legend is the question, with its hint
 * and error as the group's description (ids `<id>-hint`, `<id>-error`) and a rule beside it while
 * there is an error — what Field is for a single labelled control.
 */
export function QuestionFieldset({
  id,
  legend,
  hint,
  error,
  className = "space-y-2",
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Spacing of the group (its rule is added while there is an error). */
  className?: string;
  children: ReactNode;
}) {
  return (
    // min-w-0: a fieldset is at least as wide as its content by default and would not shrink
    // to a narrow screen or grid column.
    <fieldset
      className={cn("min-w-0", className, error && "border-l-4 border-danger pl-3")}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="font-semibold">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} errorPrefix={t.common.errorPrefix} />
      {children}
    </fieldset>
  );
}

/**
 * A question answered by one of a few radio buttons (a QuestionFieldset named `name`). Each
 * option's id is `<name>-<value>`.
 */
export function RadioGroupField<Value extends string | number>({
  name,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: Value; label: ReactNode }[];
  value: Value | null;
  onChange: (value: Value) => void;
}) {
  return (
    <QuestionFieldset id={name} legend={legend} hint={hint} error={error}>
      {options.map((option) => (
        <div key={option.value} className="flex items-center gap-2">
          <input
            id={`${name}-${option.value}`}
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            className="size-5"
          />
          <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </QuestionFieldset>
  );
}
