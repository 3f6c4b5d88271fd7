import { entityLayout } from "@/server/entity-layout";
import { loadReview } from "@/server/programmes";

export default entityLayout(({ reviewId }: { reviewId: string }) => loadReview(reviewId));
