namespace Attribution.Sql.Internal;

/// <summary>GA4's BigQuery export (Parquet) as an event log, in DuckDB: session starts are touches whose channel follows
/// GA4's default channel grouping, chosen events are conversions.</summary>
/// <remarks>
/// <para>Mapping: journey_id = <c>user_pseudo_id</c>; timestamp = <c>event_timestamp</c> (microseconds, UTC); a
/// <c>session_start</c> event is a touch with source, medium and campaign from <c>collected_traffic_source</c>
/// (<c>manual_source</c>, <c>manual_medium</c>, <c>manual_campaign_name</c>; none collected is direct); an event named in
/// the conversion events is a conversion of that kind worth <c>ecommerce.purchase_revenue</c> (no revenue counts 1, as
/// an empty value does in the event log). Other events are not read. <c>traffic_source</c> is the user's first
/// acquisition, the same on every session, so it is not used for touches. GA4's placeholders <c>(direct)</c>,
/// <c>(organic)</c>, <c>(referral)</c>, <c>(not set)</c> and <c>(none)</c> are no campaign.</para>
/// <para>The channel is the first rule that matches, in GA4's order, on lower-case source, medium and campaign:
/// Direct (source (direct), medium (none) or (not set)); Cross-network (campaign contains cross-network); Paid Shopping,
/// Paid Search, Paid Social, Paid Video (a shopping, search, social or video source, or for shopping a campaign matching
/// <c>^(.*(([^a-df-z]|^)shop|shopping).*)$</c>, and a paid medium: <c>^(.*cp.*|ppc|retargeting|paid.*)$</c>); Display
/// (medium display, banner, expandable, interstitial or cpm); Paid Other (a paid medium); Organic Shopping; Organic
/// Social (a social source, or medium social, social-network, social-media, sm, social network, social media); Organic
/// Video (a video source or a medium containing video); Organic Search (a search source or medium organic); Referral
/// (medium referral, app or link); Email (source or medium email, e-mail, e_mail, e mail); Affiliates (medium
/// affiliate); Audio (medium audio); SMS (source or medium sms); Mobile Push Notifications (medium ending in push or
/// containing mobile or notification, or source firebase); else Unassigned. GA4's lists of search, social, video and
/// shopping sites are internal to Google; the short lists below hold the common ones.</para>
/// </remarks>
internal static class Ga4Export
{
    private static readonly string[] SearchSites = ["google", "bing", "yahoo", "baidu", "duckduckgo", "yandex", "ecosia", "naver", "ask", "aol", "startpage", "qwant", "seznam", "search.yahoo.com", "google.com", "bing.com", "duckduckgo.com", "yandex.ru"];
    private static readonly string[] SocialSites = ["facebook", "facebook.com", "m.facebook.com", "l.facebook.com", "fb", "instagram", "instagram.com", "ig", "linkedin", "linkedin.com", "lnkd.in", "twitter", "twitter.com", "t.co", "x", "x.com", "pinterest", "pinterest.com", "reddit", "reddit.com", "tiktok", "tiktok.com", "snapchat", "threads.net", "quora"];
    private static readonly string[] VideoSites = ["youtube", "youtube.com", "m.youtube.com", "vimeo", "vimeo.com", "twitch", "twitch.tv", "dailymotion", "dailymotion.com"];
    private static readonly string[] ShoppingSites = ["amazon", "amazon.com", "ebay", "ebay.com", "etsy", "etsy.com", "walmart", "walmart.com", "shopify", "shopping.google.com", "aliexpress"];
    private static readonly string[] EmailNames = ["email", "e-mail", "e_mail", "e mail"];
    private static readonly string[] Placeholders = ["(direct)", "(organic)", "(referral)", "(not set)", "(none)"];

    /// <summary>Gets the table expression (DuckDB) with the event-log columns and <c>file_row_number</c>.</summary>
    public static string From(string path, IReadOnlyCollection<string> conversionEvents)
    {
        var events = string.Join(", ", conversionEvents.Select(SqlDialectRules.Text));
        var source = "lower(COALESCE(g.collected_traffic_source.manual_source, '(direct)'))";
        var medium = "lower(COALESCE(g.collected_traffic_source.manual_medium, '(none)'))";
        var campaign = "lower(COALESCE(g.collected_traffic_source.manual_campaign_name, ''))";
        return $"""
            (SELECT g.user_pseudo_id AS journey_id,
                make_timestamp(g.event_timestamp) AS "timestamp",
                CASE WHEN g.event_name = 'session_start' THEN {Channel(source, medium, campaign)} END AS channel,
                CASE WHEN g.event_name = 'session_start' AND g.collected_traffic_source.manual_campaign_name NOT IN ({List(Placeholders)}) THEN g.collected_traffic_source.manual_campaign_name END AS campaign,
                CASE WHEN g.event_name IN ({events}) THEN g.event_name END AS conversion,
                CASE WHEN g.event_name IN ({events}) THEN g.ecommerce.purchase_revenue END AS value,
                g.file_row_number
              FROM read_parquet({SqlDialectRules.Text(path)}, file_row_number = true) AS g
              WHERE g.event_name = 'session_start' OR g.event_name IN ({events}))
            """;
    }

    private static string Channel(string source, string medium, string campaign)
    {
        const string Paid = "'^(.*cp.*|ppc|retargeting|paid.*)$'";
        const string Shop = "'^(.*(([^a-df-z]|^)shop|shopping).*)$'";
        var paid = $"regexp_matches({medium}, {Paid})";
        var shopping = $"({source} IN ({List(ShoppingSites)}) OR regexp_matches({campaign}, {Shop}))";
        var search = $"{source} IN ({List(SearchSites)})";
        var social = $"{source} IN ({List(SocialSites)})";
        var video = $"{source} IN ({List(VideoSites)})";
        return $"""
            CASE
                  WHEN {source} = '(direct)' AND {medium} IN ('(none)', '(not set)') THEN 'Direct'
                  WHEN {campaign} LIKE '%cross-network%' THEN 'Cross-network'
                  WHEN {shopping} AND {paid} THEN 'Paid Shopping'
                  WHEN {search} AND {paid} THEN 'Paid Search'
                  WHEN {social} AND {paid} THEN 'Paid Social'
                  WHEN {video} AND {paid} THEN 'Paid Video'
                  WHEN {medium} IN ('display', 'banner', 'expandable', 'interstitial', 'cpm') THEN 'Display'
                  WHEN {paid} THEN 'Paid Other'
                  WHEN {shopping} THEN 'Organic Shopping'
                  WHEN {social} OR {medium} IN ('social', 'social-network', 'social-media', 'sm', 'social network', 'social media') THEN 'Organic Social'
                  WHEN {video} OR {medium} LIKE '%video%' THEN 'Organic Video'
                  WHEN {search} OR {medium} = 'organic' THEN 'Organic Search'
                  WHEN {medium} IN ('referral', 'app', 'link') THEN 'Referral'
                  WHEN {source} IN ({List(EmailNames)}) OR {medium} IN ({List(EmailNames)}) THEN 'Email'
                  WHEN {medium} = 'affiliate' THEN 'Affiliates'
                  WHEN {medium} = 'audio' THEN 'Audio'
                  WHEN {source} = 'sms' OR {medium} = 'sms' THEN 'SMS'
                  WHEN {medium} LIKE '%push' OR {medium} LIKE '%mobile%' OR {medium} LIKE '%notification%' OR {source} = 'firebase' THEN 'Mobile Push Notifications'
                  ELSE 'Unassigned'
                END
            """;
    }

    private static string List(IEnumerable<string> names) => string.Join(", ", names.Select(SqlDialectRules.Text));
}
