#ifndef GLEAN_CLIBXML2_SHIM_H
#define GLEAN_CLIBXML2_SHIM_H
// Foundation ships its own ICU; libxml2's ICU headers clash with it
// ("'UErrorCode' has different definitions in different modules"). We never use
// libxml2's ICU path, so switch it off before any other libxml2 header.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlstring.h>
#include <libxml/encoding.h>
#include <stdlib.h>

/// xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void glean_xmlFree(void *p) { xmlFree(p); }


#if LIBXML_VERSION >= 21200
#define GLEAN_XML_ERR const xmlError *
#else
#define GLEAN_XML_ERR xmlErrorPtr
#endif

/// Structured error sink that drops every message (no global handler is touched).
static inline void glean_silent_error(void *ctx, GLEAN_XML_ERR err) { (void)ctx; (void)err; }

/// Parses HTML from memory with its own parser context whose errors go nowhere.
static inline htmlDocPtr glean_html_parse(const char *buf, int size, const char *encoding, int options) {
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (ctxt == NULL) return NULL;
    if (ctxt->sax != NULL) {
        ctxt->sax->serror = glean_silent_error;
        ctxt->sax->error = NULL;
        ctxt->sax->warning = NULL;
    }
    ctxt->vctxt.error = NULL;
    ctxt->vctxt.warning = NULL;
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, buf, size, NULL, encoding, options);
    htmlFreeParserCtxt(ctxt);
    return doc;
}

/// An XPath context whose errors are recorded in lastError instead of printed.
static inline xmlXPathContextPtr glean_xpath_context(xmlDocPtr doc) {
    xmlXPathContextPtr c = xmlXPathNewContext(doc);
    if (c != NULL) c->error = glean_silent_error;
    return c;
}

/// The code of the last XPath error of `c` (0 when none) and the offset in the expression where it occurred.
static inline int glean_xpath_error_code(xmlXPathContextPtr c) { return c->lastError.code; }
static inline int glean_xpath_error_offset(xmlXPathContextPtr c) { return c->lastError.int1; }

/// Whether libxml2 (iconv) can decode `name`.
static inline int glean_has_encoding(const char *name) {
    xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(name);
    if (h == NULL) return 0;
    xmlCharEncCloseFunc(h);
    return 1;
}

#endif
