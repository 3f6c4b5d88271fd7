export { cn } from "./cn";
export { Badge, toneClasses, type Tone } from "./badge";
export {
  Button,
  buttonClassName,
  Spinner,
  type ButtonProps,
  type ButtonSize,
  type ButtonVariant,
} from "./button";
export { Alert } from "./alert";
export { ErrorSummary, type FieldProblem } from "./error-summary";
export { describedBy, Field, FieldMessages, Select, TextArea, TextInput } from "./field";
export { Card, DescriptionList, EmptyState, PageHeader, Td, Th } from "./layout";
export { ConfirmDialog } from "./confirm-dialog";
export { SiteFooter, type FooterLink } from "./site-footer";
