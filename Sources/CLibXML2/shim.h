#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, and Foundation ships its own ICU headers: the two
   UErrorCode definitions clash in any module importing both. We never use libxml2's ICU fields. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/entities.h>

/* xmlFree is a global function-pointer variable, which Swift 6 rejects as shared mutable state. */
static inline void cxml_free(void *p) { xmlFree(p); }

/* Installed once at start-up: refuses every external entity or DTD, whatever the parser options. */
static xmlParserInputPtr cxml_deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}
static inline void cxml_install_deny_all_loader(void) { xmlSetExternalEntityLoader(cxml_deny_loader); }
/* libxml2 prints some encoding errors through the generic (variadic) error function, which Swift
   cannot implement: a silent one is set per thread before each parse; errors still reach serror. */
static void cxml_silent_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void cxml_silence_generic_errors(void) { xmlSetGenericErrorFunc(NULL, cxml_silent_error); }
#endif
