/* ra-catalogue-reader-private.h — turns a list-of-actions body into models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-catalogue.h"

G_BEGIN_DECLS

/* The most values the json-glib tree path takes for a catalogue (see
 * RA_JSON_MAX_VALUES): ten 10,000-action catalogues' worth. */
#define RA_CATALOGUE_TREE_MAX_VALUES (1024 * 1024)

/* The whole list path: an RaCatalogue (the actions, and those that could
 * not be read), or NULL and an RA_ERROR_MALFORMED_RESPONSE when the body
 * is not a JSON array. Safe to call from any thread. */
RaCatalogue *_ra_catalogue_read      (const char  *data,
                                      gsize        length,
                                      GError     **error);

/* A single pass over the bytes for the common case: a catalogue that is
 * plain, valid JSON, with or without the members that are optional. An
 * action it is not sure about (a schema error, but also a duplicate
 * member, an escaped NUL, a number that is not a plain integer) is read
 * again, alone, by the tree path, whose verdict and error message stay
 * the reference. A body that is not valid JSON or not an array gives NULL
 * without an error, and goes to _ra_catalogue_read_tree() whole.
 * n_slow, if not NULL, tells how many actions were read again. */
RaCatalogue *_ra_catalogue_read_fast (const char  *data,
                                      gsize        length,
                                      guint       *n_slow);

/* The json-glib tree path. */
RaCatalogue *_ra_catalogue_read_tree (const char  *data,
                                      gsize        length,
                                      GError     **error);

G_END_DECLS
