#ifndef CCURL_H
#define CCURL_H
#include <curl/curl.h>

/* libcurl is loaded with dlopen on first use instead of being linked: linking it made every start of
   the binary (inspect, serve, check) load and relocate about 28 more shared libraries (TLS, Kerberos,
   LDAP, SSH, ...), a third of the start-up time, for commands that never fetch. Swift calls these
   ccurl_* functions, never curl_* directly (that would link libcurl again). Without libcurl,
   constructors return NULL and every other call fails with a libcurl error code. */

/* NULL once libcurl is loaded; else why it could not be (dlerror's text or the missing symbol). */
const char *ccurl_problem(void);

CURLcode ccurl_global_init(long flags);
CURL *ccurl_easy_init(void);
void ccurl_easy_cleanup(CURL *h);
const char *ccurl_easy_strerror(CURLcode c);
CURLHcode ccurl_easy_header(CURL *h, const char *name, size_t index, unsigned int origin, int request, struct curl_header **hout);
struct curl_slist *ccurl_slist_append(struct curl_slist *l, const char *s);
void ccurl_slist_free_all(struct curl_slist *l);
CURLM *ccurl_multi_init(void);
CURLMcode ccurl_multi_cleanup(CURLM *m);
CURLMcode ccurl_multi_add_handle(CURLM *m, CURL *h);
CURLMcode ccurl_multi_remove_handle(CURLM *m, CURL *h);
CURLMcode ccurl_multi_perform(CURLM *m, int *running);
CURLMcode ccurl_multi_poll(CURLM *m, struct curl_waitfd fds[], unsigned int n, int timeout, int *ret);
CURLMcode ccurl_multi_wakeup(CURLM *m);
CURLMsg *ccurl_multi_info_read(CURLM *m, int *left);
CURLU *ccurl_url(void);
void ccurl_url_cleanup(CURLU *u);
CURLUcode ccurl_url_set(CURLU *u, CURLUPart p, const char *s, unsigned int flags);
CURLUcode ccurl_url_get(const CURLU *u, CURLUPart p, char **out, unsigned int flags);
void ccurl_free(void *p);
CURLcode ccurl_setopt_long(CURL *h, CURLoption o, long v);
CURLcode ccurl_setopt_off(CURL *h, CURLoption o, curl_off_t v);
CURLcode ccurl_setopt_string(CURL *h, CURLoption o, const char *v);
CURLcode ccurl_setopt_pointer(CURL *h, CURLoption o, void *v);
CURLcode ccurl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v);
CURLcode ccurl_setopt_write_function(CURL *h, curl_write_callback cb);
CURLcode ccurl_setopt_header_function(CURL *h, curl_write_callback cb);
CURLcode ccurl_getinfo_long(CURL *h, CURLINFO i, long *v);
CURLcode ccurl_getinfo_string(CURL *h, CURLINFO i, char **v);
CURLcode ccurl_setopt_xferinfo_function(CURL *h, curl_xferinfo_callback cb);
CURLMcode ccurl_multi_setopt_long(CURLM *m, CURLMoption o, long v);

/* CURLMsg's result sits in a union. */
static inline CURLcode ccurl_msg_result(const CURLMsg *m) { return m->data.result; }
#endif
