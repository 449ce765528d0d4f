-- A small GA4-shaped event export (the BigQuery export's columns that attribution reads), written as Parquet by DuckDB:
--   dotnet test tests/Attribution.Sql.Tests --filter-class "*Ga4*"   regenerates it into a temporary directory, or
--   duckdb < samples/ga4/ga4-sample.sql                               writes samples/ga4/ga4-sample.parquet
-- event_timestamp is in microseconds since 1970 UTC, as in the export; collected_traffic_source is the event's own
-- source (NULL when none was collected); ecommerce.purchase_revenue is a purchase's value.
CREATE TABLE ga4_events (
  event_date VARCHAR,
  event_timestamp BIGINT,
  event_name VARCHAR,
  user_pseudo_id VARCHAR,
  user_id VARCHAR,
  collected_traffic_source STRUCT(manual_campaign_name VARCHAR, manual_source VARCHAR, manual_medium VARCHAR),
  traffic_source STRUCT(name VARCHAR, medium VARCHAR, source VARCHAR),
  ecommerce STRUCT(purchase_revenue DOUBLE)
);
INSERT INTO ga4_events VALUES
  -- u1: Paid Search, then Email, then a purchase worth 120
  ('20260301', 1772355600000000, 'session_start', 'u1', NULL, {'manual_campaign_name': 'spring', 'manual_source': 'google', 'manual_medium': 'cpc'}, {'name': 'spring', 'medium': 'cpc', 'source': 'google'}, NULL),
  ('20260301', 1772355660000000, 'page_view', 'u1', NULL, NULL, {'name': 'spring', 'medium': 'cpc', 'source': 'google'}, NULL),
  ('20260302', 1772445600000000, 'session_start', 'u1', NULL, {'manual_campaign_name': 'march-news', 'manual_source': 'newsletter', 'manual_medium': 'email'}, {'name': 'spring', 'medium': 'cpc', 'source': 'google'}, NULL),
  ('20260302', 1772445900000000, 'purchase', 'u1', NULL, NULL, {'name': 'spring', 'medium': 'cpc', 'source': 'google'}, {'purchase_revenue': 120.0}),
  -- u2 (signed in as customer-2 later): Direct, then Organic Social, then a purchase worth 60
  ('20260301', 1772366400000000, 'session_start', 'u2', NULL, {'manual_campaign_name': '(direct)', 'manual_source': '(direct)', 'manual_medium': '(none)'}, {'name': '(direct)', 'medium': '(none)', 'source': '(direct)'}, NULL),
  ('20260303', 1772524800000000, 'session_start', 'u2', 'customer-2', {'manual_campaign_name': NULL, 'manual_source': 'facebook', 'manual_medium': 'social'}, {'name': '(direct)', 'medium': '(none)', 'source': '(direct)'}, NULL),
  ('20260303', 1772526600000000, 'purchase', 'u2', 'customer-2', NULL, {'name': '(direct)', 'medium': '(none)', 'source': '(direct)'}, {'purchase_revenue': 60.0}),
  -- u3: Organic Search, then a lead (a conversion only when generate_lead is a --conversion-events event)
  ('20260302', 1772442000000000, 'session_start', 'u3', NULL, {'manual_campaign_name': '(organic)', 'manual_source': 'bing', 'manual_medium': 'organic'}, {'name': '(organic)', 'medium': 'organic', 'source': 'bing'}, NULL),
  ('20260302', 1772442600000000, 'generate_lead', 'u3', NULL, NULL, {'name': '(organic)', 'medium': 'organic', 'source': 'bing'}, NULL),
  -- u4: a Referral session, no conversion
  ('20260302', 1772460000000000, 'session_start', 'u4', NULL, {'manual_campaign_name': '(referral)', 'manual_source': 'partner.example', 'manual_medium': 'referral'}, {'name': '(referral)', 'medium': 'referral', 'source': 'partner.example'}, NULL),
  -- u5: a session with no collected source (Direct), then a purchase worth 30
  ('20260303', 1772532000000000, 'session_start', 'u5', NULL, NULL, {'name': '(direct)', 'medium': '(none)', 'source': '(direct)'}, NULL),
  ('20260303', 1772532060000000, 'purchase', 'u5', NULL, NULL, {'name': '(direct)', 'medium': '(none)', 'source': '(direct)'}, {'purchase_revenue': 30.0});
COPY (SELECT * FROM ga4_events ORDER BY event_timestamp, user_pseudo_id) TO 'samples/ga4/ga4-sample.parquet' (FORMAT parquet);
