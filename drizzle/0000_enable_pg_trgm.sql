-- Trigram matching for service search (part-of-word and typo-tolerant queries).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
