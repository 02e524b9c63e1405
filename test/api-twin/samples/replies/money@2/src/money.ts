export type Cents = number; // fixed
