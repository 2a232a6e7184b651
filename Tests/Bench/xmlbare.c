/* xmlbare: libxml2's bare HTML parse of pages already in memory, the ceiling for Glean's
 * HTML path in `make bench`.
 *
 * usage: xmlbare RUNS FILE...   (FILE: .html or .html.gz)
 *
 * Every file is read and decompressed first (not timed). Each run then parses every page with
 * htmlReadMemory and the parse flags Glean uses (RECOVER | NONET | NOERROR | NOWARNING |
 * COMPACT; libxml2 sniffs the encoding itself) and frees the tree with xmlFreeDoc.
 * Prints one JSON object: {"pages", "bytes", "failed", "libxml2", "seconds": [wall, one per
 * run], "cpu_seconds": [process CPU time, one per run]}.
 *
 * build: cc -O2 -o xmlbare xmlbare.c $(pkg-config --cflags --libs libxml-2.0) -lz
 */
#include <libxml/xmlversion.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    char *data;
    size_t size;
} page_t;

static double clock_seconds(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads a plain or gzip file whole (gzread passes plain files through). */
static int read_page(const char *path, page_t *page) {
    gzFile f = gzopen(path, "rb");
    if (f == NULL) return -1;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (buf == NULL) { gzclose(f); return -1; }
    for (;;) {
        if (len == cap) {
            if (cap > ((size_t)256 << 20)) { free(buf); gzclose(f); return -1; }
            cap *= 2;
            char *bigger = realloc(buf, cap);
            if (bigger == NULL) { free(buf); gzclose(f); return -1; }
            buf = bigger;
        }
        int n = gzread(f, buf + len, (unsigned)(cap - len));
        if (n < 0) { free(buf); gzclose(f); return -1; }
        if (n == 0) break;
        len += (size_t)n;
    }
    gzclose(f);
    page->data = buf;
    page->size = len;
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: xmlbare RUNS FILE...\n");
        return 2;
    }
    int runs = atoi(argv[1]);
    if (runs < 1) runs = 1;
    int count = argc - 2;
    page_t *pages = calloc((size_t)count, sizeof(page_t));
    if (pages == NULL) return 2;
    size_t total = 0;
    for (int i = 0; i < count; i++) {
        if (read_page(argv[i + 2], &pages[i]) != 0) {
            fprintf(stderr, "xmlbare: cannot read %s\n", argv[i + 2]);
            return 2;
        }
        total += pages[i].size;
    }
    xmlInitParser();
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT;
    int failed = 0;
    /* XMLBARE_ENCODING=utf-8 parses as Glean does for a page it decoded itself: UTF-8 given,
     * the page's own declarations ignored. Default: libxml2 sniffs the encoding. */
    const char *encoding = getenv("XMLBARE_ENCODING");
    if (encoding != NULL && encoding[0] != 0) options |= HTML_PARSE_IGNORE_ENC; else encoding = NULL;
    double *seconds = calloc((size_t)runs, sizeof(double));
    double *cpu = calloc((size_t)runs, sizeof(double));
    if (seconds == NULL || cpu == NULL) return 2;
    for (int r = 0; r < runs; r++) {
        failed = 0;
        double start = clock_seconds(CLOCK_MONOTONIC), cpu_start = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
        for (int i = 0; i < count; i++) {
            htmlDocPtr doc = htmlReadMemory(pages[i].data, (int)pages[i].size, NULL, encoding, options);
            if (doc == NULL) { failed++; continue; }
            xmlFreeDoc(doc);
        }
        seconds[r] = clock_seconds(CLOCK_MONOTONIC) - start;
        cpu[r] = clock_seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu_start;
    }
    printf("{\"pages\": %d, \"bytes\": %zu, \"failed\": %d, \"libxml2\": \"%s\", \"seconds\": [", count, total, failed, LIBXML_DOTTED_VERSION);
    for (int r = 0; r < runs; r++) printf("%s%.6f", r ? ", " : "", seconds[r]);
    printf("], \"cpu_seconds\": [");
    for (int r = 0; r < runs; r++) printf("%s%.6f", r ? ", " : "", cpu[r]);
    printf("]}\n");
    for (int i = 0; i < count; i++) free(pages[i].data);
    free(pages);
    free(seconds);
    free(cpu);
    xmlCleanupParser();
    return 0;
}
