import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Accounts. Small and looked up by user name at login, so this is a reference table on Citus
 * (docs/adr/0002-citus-distribution.md); county_code says which county the account belongs to.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    phone: text('phone').notNull().default(''),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username), index('users_county_idx').on(t.countyCode)],
);

/** A user may hold several roles, each on one scope (county, unit, township, school, class, village, department). */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    scopeKind: text('scope_kind').notNull(),
    scopeId: text('scope_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role, t.scopeKind, t.scopeId] })],
);

/** Approval rights are granted separately from roles. */
export const userApprovalRights = pgTable(
  'user_approval_rights',
  {
    userId: uuid('user_id').notNull(),
    right: text('right').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.right] })],
);

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
