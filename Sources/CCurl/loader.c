#include "ccurl.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

typedef struct {
    const char *problem; /* NULL when loaded; else why not (dlerror's text or the missing symbol) */
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    const char *(*easy_strerror)(CURLcode);
    CURLHcode (*easy_header)(CURL *, const char *, size_t, unsigned int, int, struct curl_header **);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_cleanup)(CURLM *);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_perform)(CURLM *, int *);
    CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd[], unsigned int, int, int *);
    CURLMcode (*multi_wakeup)(CURLM *);
    CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
    CURLU *(*url)(void);
    void (*url_cleanup)(CURLU *);
    CURLUcode (*url_set)(CURLU *, CURLUPart, const char *, unsigned int);
    CURLUcode (*url_get)(const CURLU *, CURLUPart, char **, unsigned int);
    void (*free)(void *);
} ccurl_api_t;

static ccurl_api_t table;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void ccurl_api_load(void) {
    ccurl_api_t *t = &table;
    /* The ABI the headers describe (libcurl4); RTLD_LOCAL keeps its symbols out of the global scope. */
    void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        const char *why = dlerror();
        t->problem = why != NULL ? why : "libcurl.so.4 could not be loaded";
        return;
    }
#define CCURL_BIND(field, name)                                                  \
    do {                                                                         \
        *(void **)(&t->field) = dlsym(lib, name);                                \
        if (t->field == NULL) {                                                  \
            t->problem = "libcurl.so.4 lacks " name " (libcurl 7.83 or later is needed)"; \
            return;                                                              \
        }                                                                        \
    } while (0)
    CCURL_BIND(global_init, "curl_global_init");
    CCURL_BIND(easy_init, "curl_easy_init");
    CCURL_BIND(easy_cleanup, "curl_easy_cleanup");
    CCURL_BIND(easy_setopt, "curl_easy_setopt");
    CCURL_BIND(easy_getinfo, "curl_easy_getinfo");
    CCURL_BIND(easy_strerror, "curl_easy_strerror");
    CCURL_BIND(easy_header, "curl_easy_header");
    CCURL_BIND(slist_append, "curl_slist_append");
    CCURL_BIND(slist_free_all, "curl_slist_free_all");
    CCURL_BIND(multi_init, "curl_multi_init");
    CCURL_BIND(multi_cleanup, "curl_multi_cleanup");
    CCURL_BIND(multi_add_handle, "curl_multi_add_handle");
    CCURL_BIND(multi_remove_handle, "curl_multi_remove_handle");
    CCURL_BIND(multi_perform, "curl_multi_perform");
    CCURL_BIND(multi_poll, "curl_multi_poll");
    CCURL_BIND(multi_wakeup, "curl_multi_wakeup");
    CCURL_BIND(multi_setopt, "curl_multi_setopt");
    CCURL_BIND(multi_info_read, "curl_multi_info_read");
    CCURL_BIND(url, "curl_url");
    CCURL_BIND(url_cleanup, "curl_url_cleanup");
    CCURL_BIND(url_set, "curl_url_set");
    CCURL_BIND(url_get, "curl_url_get");
    CCURL_BIND(free, "curl_free");
#undef CCURL_BIND
}

/* The loaded table, or NULL when libcurl is missing (ccurl_problem says why). */
static const ccurl_api_t *ccurl_api(void) {
    pthread_once(&once, ccurl_api_load);
    return table.problem == NULL ? &table : NULL;
}

const char *ccurl_problem(void) {
    pthread_once(&once, ccurl_api_load);
    return table.problem;
}

CURLcode ccurl_global_init(long flags) { const ccurl_api_t *a = ccurl_api(); return a ? a->global_init(flags) : CURLE_FAILED_INIT; }
CURL *ccurl_easy_init(void) { const ccurl_api_t *a = ccurl_api(); return a ? a->easy_init() : NULL; }
void ccurl_easy_cleanup(CURL *h) { const ccurl_api_t *a = ccurl_api(); if (a) a->easy_cleanup(h); }
const char *ccurl_easy_strerror(CURLcode c) { const ccurl_api_t *a = ccurl_api(); return a ? a->easy_strerror(c) : NULL; }
CURLHcode ccurl_easy_header(CURL *h, const char *name, size_t index, unsigned int origin, int request, struct curl_header **hout) {
    const ccurl_api_t *a = ccurl_api(); return a ? a->easy_header(h, name, index, origin, request, hout) : CURLHE_NOT_BUILT_IN;
}
struct curl_slist *ccurl_slist_append(struct curl_slist *l, const char *s) { const ccurl_api_t *a = ccurl_api(); return a ? a->slist_append(l, s) : NULL; }
void ccurl_slist_free_all(struct curl_slist *l) { const ccurl_api_t *a = ccurl_api(); if (a) a->slist_free_all(l); }
CURLM *ccurl_multi_init(void) { const ccurl_api_t *a = ccurl_api(); return a ? a->multi_init() : NULL; }
CURLMcode ccurl_multi_cleanup(CURLM *m) { const ccurl_api_t *a = ccurl_api(); return a ? a->multi_cleanup(m) : CURLM_BAD_HANDLE; }
CURLMcode ccurl_multi_add_handle(CURLM *m, CURL *h) { const ccurl_api_t *a = ccurl_api(); return a ? a->multi_add_handle(m, h) : CURLM_BAD_HANDLE; }
CURLMcode ccurl_multi_remove_handle(CURLM *m, CURL *h) { const ccurl_api_t *a = ccurl_api(); return a ? a->multi_remove_handle(m, h) : CURLM_BAD_HANDLE; }
CURLMcode ccurl_multi_perform(CURLM *m, int *running) { const ccurl_api_t *a = ccurl_api(); return a ? a->multi_perform(m, running) : CURLM_BAD_HANDLE; }
CURLMcode ccurl_multi_poll(CURLM *m, struct curl_waitfd fds[], unsigned int n, int timeout, int *ret) {
    const ccurl_api_t *a = ccurl_api(); return a ? a->multi_poll(m, fds, n, timeout, ret) : CURLM_BAD_HANDLE;
}
CURLMcode ccurl_multi_wakeup(CURLM *m) { const ccurl_api_t *a = ccurl_api(); return a ? a->multi_wakeup(m) : CURLM_BAD_HANDLE; }
CURLMsg *ccurl_multi_info_read(CURLM *m, int *left) { const ccurl_api_t *a = ccurl_api(); return a ? a->multi_info_read(m, left) : NULL; }
CURLU *ccurl_url(void) { const ccurl_api_t *a = ccurl_api(); return a ? a->url() : NULL; }
void ccurl_url_cleanup(CURLU *u) { const ccurl_api_t *a = ccurl_api(); if (a) a->url_cleanup(u); }
CURLUcode ccurl_url_set(CURLU *u, CURLUPart p, const char *s, unsigned int flags) { const ccurl_api_t *a = ccurl_api(); return a ? a->url_set(u, p, s, flags) : CURLUE_OUT_OF_MEMORY; }
CURLUcode ccurl_url_get(const CURLU *u, CURLUPart p, char **out, unsigned int flags) { const ccurl_api_t *a = ccurl_api(); return a ? a->url_get(u, p, out, flags) : CURLUE_OUT_OF_MEMORY; }
void ccurl_free(void *p) { const ccurl_api_t *a = ccurl_api(); if (a) a->free(p); }

/* curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic, which Swift cannot call:
   typed wrappers for the argument types used. */
CURLcode ccurl_setopt_long(CURL *h, CURLoption o, long v) { const ccurl_api_t *a = ccurl_api(); return a ? a->easy_setopt(h, o, v) : CURLE_FAILED_INIT; }
CURLcode ccurl_setopt_off(CURL *h, CURLoption o, curl_off_t v) { const ccurl_api_t *a = ccurl_api(); return a ? a->easy_setopt(h, o, v) : CURLE_FAILED_INIT; }
CURLcode ccurl_setopt_string(CURL *h, CURLoption o, const char *v) { const ccurl_api_t *a = ccurl_api(); return a ? a->easy_setopt(h, o, v) : CURLE_FAILED_INIT; }
CURLcode ccurl_setopt_pointer(CURL *h, CURLoption o, void *v) { const ccurl_api_t *a = ccurl_api(); return a ? a->easy_setopt(h, o, v) : CURLE_FAILED_INIT; }
CURLcode ccurl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { const ccurl_api_t *a = ccurl_api(); return a ? a->easy_setopt(h, o, v) : CURLE_FAILED_INIT; }
CURLcode ccurl_setopt_write_function(CURL *h, curl_write_callback cb) { const ccurl_api_t *a = ccurl_api(); return a ? a->easy_setopt(h, CURLOPT_WRITEFUNCTION, cb) : CURLE_FAILED_INIT; }
CURLcode ccurl_setopt_header_function(CURL *h, curl_write_callback cb) { const ccurl_api_t *a = ccurl_api(); return a ? a->easy_setopt(h, CURLOPT_HEADERFUNCTION, cb) : CURLE_FAILED_INIT; }
CURLcode ccurl_getinfo_long(CURL *h, CURLINFO i, long *v) { const ccurl_api_t *a = ccurl_api(); return a ? a->easy_getinfo(h, i, v) : CURLE_FAILED_INIT; }
CURLcode ccurl_getinfo_string(CURL *h, CURLINFO i, char **v) { const ccurl_api_t *a = ccurl_api(); return a ? a->easy_getinfo(h, i, v) : CURLE_FAILED_INIT; }
CURLcode ccurl_setopt_xferinfo_function(CURL *h, curl_xferinfo_callback cb) { const ccurl_api_t *a = ccurl_api(); return a ? a->easy_setopt(h, CURLOPT_XFERINFOFUNCTION, cb) : CURLE_FAILED_INIT; }
CURLMcode ccurl_multi_setopt_long(CURLM *m, CURLMoption o, long v) { const ccurl_api_t *a = ccurl_api(); return a ? a->multi_setopt(m, o, v) : CURLM_BAD_HANDLE; }
