-- Pushed HR records look up who already holds their e-mail, case-insensitively (a claim by another
-- source): lower(email) = ANY(…) on this index, instead of an ILIKE per address scanning every employee.
-- An expression index Prisma's schema cannot state (see the note on Employee in schema.prisma).
CREATE INDEX "Employee_email_lower_idx" ON "Employee" (lower("email"));
