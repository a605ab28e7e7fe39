// Barrel of every domain's tables: drizzle-kit reads it to generate migrations.
export * from '../catalog/schema.ts';
