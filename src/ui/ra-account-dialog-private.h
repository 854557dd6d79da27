/* ra-account-dialog-private.h — what the dialog's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-account-dialog.h"
#include "ra-account-manager.h"
#include "ra-client.h"
#include "ra-query-setup-group.h"
#include "ra-secret-store.h"

G_BEGIN_DECLS

typedef enum
{
  FIELD_INSTANCE,
  FIELD_CLIENT_ID,
  FIELD_SECRET,
  FIELD_BASE_URL,
  FIELD_LOGIN_URL,
  N_FIELDS
} Field;

struct _RaAccountDialog
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  AdwToastOverlay   *toast_overlay;
  GtkWidget         *save_button;
  AdwEntryRow       *name_row;
  AdwEntryRow       *instance_row;
  AdwActionRow      *instance_error;
  AdwActionRow      *region_row;
  GtkWidget         *region_button;
  GtkWidget         *region_label;
  AdwEntryRow       *client_id_row;
  AdwActionRow      *client_id_error;
  AdwPasswordEntryRow *secret_row;
  AdwActionRow      *secret_error;
  AdwExpanderRow    *advanced_row;
  AdwComboRow       *token_row;
  AdwEntryRow       *base_url_row;
  AdwActionRow      *base_url_error;
  AdwEntryRow       *login_url_row;
  AdwActionRow      *login_url_error;
  AdwActionRow      *test_row;
  AdwActionRow      *result_row;
  GtkImage          *result_icon;
  GtkSpinner        *test_spinner;
  RaQuerySetupGroup *results_query_group;
  RaQuerySetupGroup *lookup_query_group;

  RaAccountManager  *manager;
  RaSecretStore     *store;
  RaAccount         *account;     /* being edited, or NULL */
  RaAccount         *pending;     /* what Save is storing */
  GCancellable      *cancellable; /* everything in flight; cancelled on close */
  char              *region;      /* a region's code, or "" until chosen */
  RaClient          *test_client;

  gboolean           touched[N_FIELDS];
  gboolean           loading_secret;
  /* The secret row holds what the keyring gave for the account's hosts. */
  gboolean           secret_from_keyring;
  /* The hosts were changed, so the stored secret may not go there. */
  gboolean           secret_needed_again;
  gboolean           filling;       /* fields being set from the account */
  /* The last change of the instance row put in more than one character
   * at once: a paste or a drop, not typing. */
  gboolean           instance_pasted;
  gboolean           saving;
};

static inline const char *
entry_text (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static inline char *
dup_stripped (gpointer row)
{
  return g_strstrip (g_strdup (entry_text (row)));
}

/* Offers the documented regions, none chosen. */
void       ra_account_dialog_init_region        (RaAccountDialog *self);
/* Keeps code when it is a documented region's, else none; returns
 * whether the region changed. */
gboolean   ra_account_dialog_set_region         (RaAccountDialog *self,
                                                 const char      *code);
GtkWidget *ra_account_dialog_field_row          (RaAccountDialog *self,
                                                 Field            field);
/* Shows what is wrong with each touched field and enables Save and Test
 * accordingly.  Returns the first field with a problem, or N_FIELDS. */
Field      ra_account_dialog_update_validation  (RaAccountDialog *self);

G_END_DECLS
