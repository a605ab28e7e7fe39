// Barrel of every domain's tables: drizzle-kit reads it to generate migrations.
export * from '../catalog/schema.ts';
export * from '../accounts/schema.ts';
export * from '../audit/schema.ts';
export * from '../notifications/schema.ts';
export * from '../applications/schema.ts';
export * from '../survey/schema.ts';
export * from '../office/schema.ts';
export * from '../signatures/schema.ts';
export * from '../rates/schema.ts';
export * from '../statistics/schema.ts';
export * from '../consultant/schema.ts';
