package paperboy.account;

import paperboy.subscription.MemberSubscriptions;

/**
 * What accounts do by mail: verifying addresses, resetting forgotten passwords, and the member's
 * own digest subscription (which goes only to a verified address).
 */
public record AccountEmail(EmailVerification verification, PasswordReset passwordReset, MemberSubscriptions digest) {}
