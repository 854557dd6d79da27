/* ra-history-detail.h — one run of the history, in full
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-history.h"

G_BEGIN_DECLS

#define RA_TYPE_HISTORY_DETAIL (ra_history_detail_get_type ())
G_DECLARE_FINAL_TYPE (RaHistoryDetail, ra_history_detail, RA, HISTORY_DETAIL, AdwBin)

/* Shows run (NULL: nothing), reading its devices from history. */
void          ra_history_detail_set_run     (RaHistoryDetail *self,
                                             RaHistory       *history,
                                             RaHistoryRun    *run);
RaHistoryRun *ra_history_detail_get_run     (RaHistoryDetail *self);
/* The devices read, or NULL while they are read. */
const char * const *ra_history_detail_get_devices (RaHistoryDetail *self);

G_END_DECLS
