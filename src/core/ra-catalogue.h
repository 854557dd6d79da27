/* ra-catalogue.h — the actions of a list answer, and those left out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_CATALOGUE (ra_catalogue_get_type ())
G_DECLARE_FINAL_TYPE (RaCatalogue, ra_catalogue, RA, CATALOGUE, GObject)

/* A GListModel of RaRemoteAction, in the server's order. One action that
 * cannot be read never empties the list: it is left out and listed as
 * skipped, with why. */

/* A JSON array of RemoteAction. Only a body that is not an array is an
 * error (RA_ERROR_MALFORMED_RESPONSE). Safe to call from any thread. */
RaCatalogue *ra_catalogue_new_from_json      (JsonNode    *node,
                                              GError     **error);

/* How many entries were left out. */
guint        ra_catalogue_get_n_skipped      (RaCatalogue *self);

/* Of those, the first RA_CATALOGUE_MAX_SKIPPED_LISTED are listed with
 * where and why, for the getters below (i < n listed): a list of
 * thousands of broken entries is one to fix at the source, and its
 * reasons would cost memory in proportion. */
#define RA_CATALOGUE_MAX_SKIPPED_LISTED 500
guint        ra_catalogue_get_n_skipped_listed (RaCatalogue *self);

/* The position of the skipped entry in the server's list, from 0. */
guint        ra_catalogue_get_skipped_index  (RaCatalogue *self,
                                              guint        i);
/* Its ID (NQL ID) when that much could be read, else NULL. */
const char  *ra_catalogue_get_skipped_id     (RaCatalogue *self,
                                              guint        i);
/* The member at fault, "[3].scriptInfo.inputs[0].id". */
const char  *ra_catalogue_get_skipped_path   (RaCatalogue *self,
                                              guint        i);
/* What is wrong with it, in a sentence for people. */
const char  *ra_catalogue_get_skipped_reason (RaCatalogue *self,
                                              guint        i);

G_END_DECLS
