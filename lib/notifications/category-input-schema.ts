import {
  notificationPolicySchema,
  type NotificationPolicy,
} from "@/lib/notifications/policy-schema";

/**
 * What HR submits to create or change a notification category: exactly its policy.
 * DB-free, so the policy form (react-hook-form + zodResolver) and the server action share it.
 */
export const categoryInputSchema = notificationPolicySchema;

export type CategoryInput = NotificationPolicy;

/** The form's starting values for a new category (an optional, opt-out category without quiet hours). */
export const defaultCategoryInput: CategoryInput = {
  key: "",
  nameZh: "",
  nameEn: "",
  descriptionZh: "",
  descriptionEn: "",
  mandatory: false,
  urgent: false,
  defaultOptIn: true,
  quietHours: {
    enabled: false,
    start: "22:00",
    end: "08:00",
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    timeZone: null,
  },
  quietAction: "defer",
  channel: "text",
  fallbackChannel: null,
  throttlePerDay: null,
  throttleAction: "defer",
};
