/* ra-catalogue-reader-private.h — turns a list-of-actions body into models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The whole list path: a GListStore of RaRemoteAction, or NULL and an
 * RA_ERROR_MALFORMED_RESPONSE. Safe to call from any thread. */
GListStore *_ra_catalogue_read      (const char  *data,
                                     gsize        length,
                                     GError     **error);

/* A single pass over the bytes for the common case: a catalogue that is
 * plain, valid JSON and follows the schema. Anything else (a syntax or
 * schema error, but also a duplicate member, an escaped NUL, a number
 * that is not a plain integer) gives NULL without an error, and the body
 * goes to _ra_catalogue_read_tree(), whose verdict and error message
 * stay the reference. */
GListStore *_ra_catalogue_read_fast (const char  *data,
                                     gsize        length);

/* The json-glib tree path. */
GListStore *_ra_catalogue_read_tree (const char  *data,
                                     gsize        length,
                                     GError     **error);

G_END_DECLS
