import { LoadingState } from "@/components/loading-state";

export default LoadingState;
