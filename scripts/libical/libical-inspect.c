/* libical-inspect: the `labnetz inspect --json --from D --to D --limit N FILE` contract
 * (events and occurrences only) implemented on libical, to score libical against the same
 * conformance goldens as labnetz and to time it on the same files.
 *
 * libical does the parsing, VTIMEZONE interpretation and RRULE/RDATE/EXDATE iteration
 * (icalcomponent_foreach_recurrence); the only glue here is what libical leaves to its
 * callers: RECURRENCE-ID overrides replace the master's instance with the same instant.
 * Built by scripts/libical/compare.sh; not part of the Swift package. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *read_stream(char *s, size_t size, void *d) { return fgets(s, (int)size, (FILE *)d); }

static void json_str(const char *s) {
    if (!s) { fputs("null", stdout); return; }
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') { putchar('\\'); putchar(*p); }
        else if (*p == '\n') fputs("\\n", stdout);
        else if (*p == '\r') fputs("\\r", stdout);
        else if (*p == '\t') fputs("\\t", stdout);
        else if (*p < 0x20) printf("\\u%04x", *p);
        else putchar(*p);
    }
    putchar('"');
}

/* A time as the contract writes it: DATE, UTC instant for zoned/UTC, naive for floating. */
static void time_str(struct icaltimetype t, char *out, size_t n) {
    if (icaltime_is_null_time(t)) { snprintf(out, n, "null"); return; }
    if (t.is_date) { snprintf(out, n, "\"%04d-%02d-%02d\"", t.year, t.month, t.day); return; }
    if (t.zone) {
        struct icaltimetype u = icaltime_convert_to_zone(t, icaltimezone_get_utc_timezone());
        snprintf(out, n, "\"%04d-%02d-%02dT%02d:%02d:%02d+00:00\"", u.year, u.month, u.day, u.hour, u.minute, u.second);
        return;
    }
    snprintf(out, n, "\"%04d-%02d-%02dT%02d:%02d:%02d\"", t.year, t.month, t.day, t.hour, t.minute, t.second);
}

static time_t instant(struct icaltimetype t) {
    return icaltime_as_timet_with_zone(t, t.zone ? t.zone : icaltimezone_get_utc_timezone());
}

typedef struct { int cal; icalcomponent *c; const char *uid; } Ev;
typedef struct { int cal; const char *uid; const char *summary; char start[64], end[64]; int all_day;
                 time_t key; } Occ;

static Ev *evs; static int nev, cap_ev;
static Occ *occs; static int nocc, cap_occ;
static struct icaltimetype win_from, win_to; /* naive wall clock */

static void add_occ(int cal, icalcomponent *c, struct icaltimetype s, struct icaltimetype e) {
    /* the window is wall-clock time in the event's own zone; both ends inclusive */
    struct icaltimetype ls = s, le = e;
    ls.is_date = 0; le.is_date = 0; ls.zone = NULL; le.zone = NULL;
    if (icaltime_compare(ls, win_to) > 0) return;
    if (icaltime_compare(ls, win_from) < 0 && icaltime_compare(le, win_from) <= 0) return;
    if (nocc == cap_occ) { cap_occ = cap_occ ? cap_occ * 2 : 256; occs = realloc(occs, cap_occ * sizeof(Occ)); }
    Occ *o = &occs[nocc++];
    o->cal = cal; o->uid = icalcomponent_get_uid(c); o->summary = icalcomponent_get_summary(c);
    time_str(s, o->start, sizeof o->start); time_str(e, o->end, sizeof o->end);
    o->all_day = s.is_date; o->key = s.zone || s.is_date == 0 ? instant(s) : instant(s);
}

static struct icaltimetype end_of(icalcomponent *c, struct icaltimetype start) {
    struct icaltimetype ds = icalcomponent_get_dtstart(c);
    icalproperty *pe = icalcomponent_get_first_property(c, ICAL_DTEND_PROPERTY);
    icalproperty *pd = icalcomponent_get_first_property(c, ICAL_DURATION_PROPERTY);
    struct icaldurationtype d = icaldurationtype_null_duration();
    if (pe) d = icaltime_subtract(icalcomponent_get_dtend(c), ds);
    else if (pd) d = icalproperty_get_duration(pd);
    else if (ds.is_date) d = icaldurationtype_from_int(86400);
    return icaltime_add(start, d);
}

typedef struct { int cal; icalcomponent *master; time_t *skip; int nskip; } Ctx;

static void on_instance(icalcomponent *c, struct icaltime_span *span, void *data) {
    Ctx *x = data;
    for (int i = 0; i < x->nskip; i++) if (x->skip[i] == span->start) return;
    struct icaltimetype ds = icalcomponent_get_dtstart(c);
    struct icaltimetype s = icaltime_from_timet_with_zone(span->start, ds.is_date,
        ds.zone ? (icaltimezone *)ds.zone : icaltimezone_get_utc_timezone());
    /* libical 3.0 labels the converted wall-clock time as UTC; it is in DTSTART's zone */
    s.zone = ds.zone;
    if (ds.is_date) { s.is_date = 1; s.zone = NULL; }
    add_occ(x->cal, c, s, end_of(c, s));
}

static int cmp_occ(const void *a, const void *b) {
    const Occ *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    int u = strcmp(x->uid ? x->uid : "", y->uid ? y->uid : "");
    return u ? u : x->cal - y->cal;
}

int main(int argc, char **argv) {
    const char *file = NULL, *from = "1970-01-01", *to = "2030-12-31"; long limit = -1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--from") && i + 1 < argc) from = argv[++i];
        else if (!strcmp(argv[i], "--to") && i + 1 < argc) to = argv[++i];
        else if (!strcmp(argv[i], "--limit") && i + 1 < argc) limit = atol(argv[++i]);
        else if (!strcmp(argv[i], "inspect") || !strcmp(argv[i], "--json")) continue;
        else file = argv[i];
    }
    FILE *f = file ? fopen(file, "rb") : NULL;
    if (!f) { puts("{\"error\": \"cannot open file\"}"); return 1; }
    int y, m, d;
    sscanf(from, "%d-%d-%d", &y, &m, &d); win_from = icaltime_null_time();
    win_from.year = y; win_from.month = m; win_from.day = d;
    sscanf(to, "%d-%d-%d", &y, &m, &d); win_to = icaltime_null_time();
    win_to.year = y; win_to.month = m; win_to.day = d; win_to.hour = 23; win_to.minute = 59; win_to.second = 59;

    icalparser *parser = icalparser_new();
    icalparser_set_gen_data(parser, f);
    icalcomponent *roots[4096]; int nroots = 0;
    char *line;
    do {
        line = icalparser_get_line(parser, read_stream);
        icalcomponent *c = icalparser_add_line(parser, line);
        if (c && nroots < 4096) roots[nroots++] = c;
        if (line) icalmemory_free_buffer(line);
    } while (line);
    fclose(f);
    if (nroots == 0) { puts("{\"error\": \"libical found no component\"}"); return 1; }

    int cals = 0;
    for (int r = 0; r < nroots; r++) {
        icalcomponent *root = roots[r];
        int cal = cals++;
        icalcomponent *first = icalcomponent_isa(root) == ICAL_VEVENT_COMPONENT ? root
            : icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
        for (icalcomponent *c = first; c; c = root == first ? NULL : icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
            if (nev == cap_ev) { cap_ev = cap_ev ? cap_ev * 2 : 256; evs = realloc(evs, cap_ev * sizeof(Ev)); }
            evs[nev++] = (Ev){cal, c, icalcomponent_get_uid(c)};
        }
    }
    /* masters, minus the instants their overrides name; overrides as single instances */
    time_t *skip = malloc(sizeof(time_t) * (nev + 1));
    struct icaltimetype rf = win_from, rt = win_to;
    rf = icaltime_add(rf, icaldurationtype_from_int(-2 * 86400)); rt = icaltime_add(rt, icaldurationtype_from_int(2 * 86400));
    rf.zone = icaltimezone_get_utc_timezone(); rt.zone = icaltimezone_get_utc_timezone();
    for (int i = 0; i < nev; i++) {
        icalcomponent *c = evs[i].c;
        struct icaltimetype ds = icalcomponent_get_dtstart(c);
        if (icaltime_is_null_time(ds)) continue;
        struct icaltimetype rid = icalcomponent_get_recurrenceid(c);
        if (!icaltime_is_null_time(rid)) { add_occ(evs[i].cal, c, ds, end_of(c, ds)); continue; }
        int nskip = 0;
        for (int j = 0; j < nev; j++) {
            if (j == i || evs[j].cal != evs[i].cal || !evs[j].uid || !evs[i].uid || strcmp(evs[j].uid, evs[i].uid)) continue;
            struct icaltimetype orid = icalcomponent_get_recurrenceid(evs[j].c);
            if (!icaltime_is_null_time(orid)) skip[nskip++] = instant(orid);
        }
        Ctx x = {evs[i].cal, c, skip, nskip};
        icalcomponent_foreach_recurrence(c, rf, rt, on_instance, &x);
    }
    qsort(occs, nocc, sizeof(Occ), cmp_occ);
    long shown = limit >= 0 && nocc > limit ? limit : nocc;

    printf("{\"format\": \"icalendar\", \"parse_ok\": true, \"calendars\": %d, \"events\": [", cals);
    char a[64], b[64];
    for (int i = 0; i < nev; i++) {
        icalcomponent *c = evs[i].c;
        struct icaltimetype ds = icalcomponent_get_dtstart(c);
        time_str(ds, a, sizeof a);
        icalproperty *pe = icalcomponent_get_first_property(c, ICAL_DTEND_PROPERTY);
        if (pe) time_str(icalcomponent_get_dtend(c), b, sizeof b); else strcpy(b, "null");
        printf("%s{\"calendar\": %d, \"uid\": ", i ? ", " : "", evs[i].cal);
        json_str(evs[i].uid); fputs(", \"summary\": ", stdout); json_str(icalcomponent_get_summary(c));
        printf(", \"dtstart\": %s, \"dtend\": %s, \"all_day\": %s}", a, b, ds.is_date ? "true" : "false");
    }
    printf("], \"occurrences_count\": %ld, \"occurrences_truncated\": %s, \"occurrences\": [", shown,
           shown < nocc ? "true" : "false");
    for (long i = 0; i < shown; i++) {
        Occ *o = &occs[i];
        printf("%s{\"calendar\": %d, \"uid\": ", i ? ", " : "", o->cal);
        json_str(o->uid); fputs(", \"summary\": ", stdout); json_str(o->summary);
        printf(", \"start\": %s, \"end\": %s, \"all_day\": %s}", o->start, o->end, o->all_day ? "true" : "false");
    }
    puts("]}");
    return 0;
}
