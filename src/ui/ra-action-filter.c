/* ra-action-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-action-filter"

#include "config.h"

#include <stdlib.h>

#include "ra-action-filter.h"

typedef struct
{
  char *sort_key;   /* collation key of the folded name */
  char *haystack;   /* casefolded name, NQL ID and description */
} RaActionKeys;

struct _RaActionFilter
{
  GtkFilter   parent_instance;

  char       *search;
  char       *needle;        /* casefolded search, NULL when blank */
  char      **needle_words;
  gboolean    api_enabled_only;
  gboolean    windows;
  gboolean    macos;
  gboolean    data_collection;
  gboolean    remediation;
};

G_DEFINE_FINAL_TYPE (RaActionFilter, ra_action_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_API_ENABLED_ONLY,
  PROP_WINDOWS,
  PROP_MACOS,
  PROP_DATA_COLLECTION,
  PROP_REMEDIATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark keys_quark;

/* Keys */

static void
ra_action_keys_free (gpointer data)
{
  RaActionKeys *keys = data;

  g_free (keys->sort_key);
  g_free (keys->haystack);
  g_free (keys);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  return TRUE;
}

static char *
fold (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return g_strdup ("");

  /* Most names and descriptions are plain ASCII, where folding is just
   * lowering and normalizing changes nothing: ten thousand descriptions
   * go several times faster. */
  if (is_ascii (text))
    return g_ascii_strdown (text, -1);

  folded = g_utf8_casefold (text, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

static inline RaActionKeys *
get_keys (gpointer action)
{
  return g_object_get_qdata (action, keys_quark);
}

static void
ensure_quark (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      keys_quark = g_quark_from_static_string ("ra-action-filter-keys");
      g_once_init_leave (&initialized, 1);
    }
}

void
ra_action_filter_prepare_action (RaRemoteAction *action)
{
  RaActionKeys *keys;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (RA_IS_REMOTE_ACTION (action));

  ensure_quark ();

  if (get_keys (action) != NULL)
    return;

  name = fold (ra_remote_action_get_name (action));
  id = fold (ra_remote_action_get_id (action));
  description = fold (ra_remote_action_get_description (action));

  keys = g_new0 (RaActionKeys, 1);
  /* Folded first, so that even a locale without real collation rules
   * (C.UTF-8) does not put every capital before every small letter; the
   * filename variant orders "Step 9" before "Step 10". */
  keys->sort_key = g_utf8_collate_key_for_filename (name, -1);
  /* A separator no search can contain keeps a word from matching across
   * two fields. */
  keys->haystack = g_strjoin ("\x1f", name, id, description, NULL);

  g_object_set_qdata_full (G_OBJECT (action), keys_quark, keys, ra_action_keys_free);
}

int
ra_action_filter_compare_actions (RaRemoteAction *a,
                                  RaRemoteAction *b)
{
  RaActionKeys *ka = get_keys (a);
  RaActionKeys *kb = get_keys (b);
  int res;

  g_assert (ka != NULL && kb != NULL);

  res = strcmp (ka->sort_key, kb->sort_key);
  if (res == 0)
    res = g_strcmp0 (ra_remote_action_get_id (a), ra_remote_action_get_id (b));

  return res;
}

typedef struct
{
  const char     *sort_key;
  const char     *id;
  RaRemoteAction *action;
} SortEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;
  int res = strcmp (ea->sort_key, eb->sort_key);

  return res != 0 ? res : g_strcmp0 (ea->id, eb->id);
}

void
ra_action_filter_sort_actions (GPtrArray *actions)
{
  g_autofree SortEntry *entries = NULL;

  g_return_if_fail (actions != NULL);

  /* Nothing to sort, and g_new () gives NULL for none: qsort (NULL, 0, …)
   * is undefined behaviour, even with nothing to do. */
  if (actions->len < 2)
    return;

  /* The keys are looked up once per action, not twice per comparison. */
  entries = g_new (SortEntry, actions->len);
  for (guint i = 0; i < actions->len; i++)
    {
      RaRemoteAction *action = g_ptr_array_index (actions, i);
      RaActionKeys *keys = get_keys (action);

      g_return_if_fail (keys != NULL);

      entries[i].sort_key = keys->sort_key;
      entries[i].id = ra_remote_action_get_id (action);
      entries[i].action = action;
    }

  /* qsort () must not be handed NULL, even for no elements. */
  if (actions->len > 0)
    qsort (entries, actions->len, sizeof (SortEntry), compare_entries);

  for (guint i = 0; i < actions->len; i++)
    actions->pdata[i] = entries[i].action;
}

static void
prepare_list_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GPtrArray *actions = task_data;

  for (guint i = 0; i < actions->len; i++)
    {
      if ((i & 0xff) == 0 && g_cancellable_is_cancelled (cancellable))
        break;

      ra_action_filter_prepare_action (g_ptr_array_index (actions, i));
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  ra_action_filter_sort_actions (actions);
  g_task_return_pointer (task, g_ptr_array_ref (actions), (GDestroyNotify) g_ptr_array_unref);
}

void
ra_action_filter_prepare_list_async (GListModel          *actions,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) array = NULL;
  guint n;

  g_return_if_fail (G_IS_LIST_MODEL (actions));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* The worker gets an array of its own, never the model. */
  n = g_list_model_get_n_items (actions);
  array = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (actions, i));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_action_filter_prepare_list_async);
  g_task_set_task_data (task, g_steal_pointer (&array), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, prepare_list_thread);
}

GListModel *
ra_action_filter_prepare_list_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_autoptr(GPtrArray) sorted = NULL;
  GListStore *store;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  sorted = g_task_propagate_pointer (G_TASK (result), error);
  if (sorted == NULL)
    return NULL;

  /* A store already in order lets a sort model above it settle at once
   * and a filter walk it front to back, which GListStore is fast at. */
  store = g_list_store_new (RA_TYPE_REMOTE_ACTION);
  g_list_store_splice (store, 0, 0, sorted->pdata, sorted->len);

  return G_LIST_MODEL (store);
}

static int
compare_actions (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  int res = ra_action_filter_compare_actions ((RaRemoteAction *) a, (RaRemoteAction *) b);

  return res < 0 ? GTK_ORDERING_SMALLER : res > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

GtkSorter *
ra_action_filter_new_sorter (void)
{
  ensure_quark ();

  return GTK_SORTER (gtk_custom_sorter_new (compare_actions, NULL, NULL));
}

/* Matching */

static gboolean
ra_action_filter_match (GtkFilter *filter,
                        gpointer   item)
{
  RaActionFilter *self = RA_ACTION_FILTER (filter);
  RaRemoteAction *action = item;
  RaActionKeys *keys;
  gboolean has_windows, has_macos;
  RaPurpose purpose;

  /* Not known is not "no": the action may be tried, the server decides. */
  if (self->api_enabled_only &&
      ra_remote_action_get_api_enabled (action) == RA_TRISTATE_NO)
    return FALSE;

  /* An action with neither script, or with no purpose, is hidden only by
   * unticking every box of its group; so is one whose scripts are not
   * known. */
  has_windows = ra_remote_action_get_has_script_windows (action) == RA_TRISTATE_YES;
  has_macos = ra_remote_action_get_has_script_macos (action) == RA_TRISTATE_YES;
  if (!((self->windows && has_windows) ||
        (self->macos && has_macos) ||
        (!has_windows && !has_macos && (self->windows || self->macos))))
    return FALSE;

  purpose = ra_remote_action_get_purpose (action);
  if (!((self->data_collection && (purpose & RA_PURPOSE_DATA_COLLECTION)) ||
        (self->remediation && (purpose & RA_PURPOSE_REMEDIATION)) ||
        (purpose == RA_PURPOSE_NONE && (self->data_collection || self->remediation))))
    return FALSE;

  if (self->needle_words == NULL)
    return TRUE;

  keys = get_keys (action);
  if (keys == NULL)
    {
      /* Callers prepare every action off the main thread first; this is
       * only a safety net. */
      ra_action_filter_prepare_action (action);
      keys = get_keys (action);
    }

  for (guint i = 0; self->needle_words[i] != NULL; i++)
    if (strstr (keys->haystack, self->needle_words[i]) == NULL)
      return FALSE;

  return TRUE;
}

static GtkFilterMatch
ra_action_filter_get_strictness (GtkFilter *filter)
{
  return GTK_FILTER_MATCH_SOME;
}

/* Properties */

static gboolean *
flag_for_prop (RaActionFilter *self,
               guint           prop_id)
{
  switch (prop_id)
    {
    case PROP_API_ENABLED_ONLY:
      return &self->api_enabled_only;
    case PROP_WINDOWS:
      return &self->windows;
    case PROP_MACOS:
      return &self->macos;
    case PROP_DATA_COLLECTION:
      return &self->data_collection;
    case PROP_REMEDIATION:
      return &self->remediation;
    default:
      g_assert_not_reached ();
    }
}

static void
ra_action_filter_set_flag (RaActionFilter *self,
                           guint           prop_id,
                           gboolean        value)
{
  gboolean *flag = flag_for_prop (self, prop_id);
  gboolean narrows;

  value = !!value;
  if (*flag == value)
    return;

  *flag = value;

  /* Ticking "API-enabled only" hides rows; ticking any other box shows
   * them. Either way only one side can change. */
  if (prop_id == PROP_API_ENABLED_ONLY)
    narrows = value;
  else
    narrows = !value;

  gtk_filter_changed (GTK_FILTER (self), narrows ? GTK_FILTER_CHANGE_MORE_STRICT
                                                 : GTK_FILTER_CHANGE_LESS_STRICT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
ra_action_filter_finalize (GObject *object)
{
  RaActionFilter *self = RA_ACTION_FILTER (object);

  g_free (self->search);
  g_free (self->needle);
  g_strfreev (self->needle_words);

  G_OBJECT_CLASS (ra_action_filter_parent_class)->finalize (object);
}

static void
ra_action_filter_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RaActionFilter *self = RA_ACTION_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_API_ENABLED_ONLY:
    case PROP_WINDOWS:
    case PROP_MACOS:
    case PROP_DATA_COLLECTION:
    case PROP_REMEDIATION:
      g_value_set_boolean (value, *flag_for_prop (self, prop_id));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_action_filter_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RaActionFilter *self = RA_ACTION_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      ra_action_filter_set_search (self, g_value_get_string (value));
      break;

    case PROP_API_ENABLED_ONLY:
    case PROP_WINDOWS:
    case PROP_MACOS:
    case PROP_DATA_COLLECTION:
    case PROP_REMEDIATION:
      ra_action_filter_set_flag (self, prop_id, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_action_filter_class_init (RaActionFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = ra_action_filter_finalize;
  object_class->get_property = ra_action_filter_get_property;
  object_class->set_property = ra_action_filter_set_property;

  filter_class->match = ra_action_filter_match;
  filter_class->get_strictness = ra_action_filter_get_strictness;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_API_ENABLED_ONLY] =
    g_param_spec_boolean ("api-enabled-only", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WINDOWS] =
    g_param_spec_boolean ("windows", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MACOS] =
    g_param_spec_boolean ("macos", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATA_COLLECTION] =
    g_param_spec_boolean ("data-collection", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMEDIATION] =
    g_param_spec_boolean ("remediation", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  ensure_quark ();
}

static void
ra_action_filter_init (RaActionFilter *self)
{
  self->api_enabled_only = TRUE;
  self->windows = TRUE;
  self->macos = TRUE;
  self->data_collection = TRUE;
  self->remediation = TRUE;
}

RaActionFilter *
ra_action_filter_new (void)
{
  return g_object_new (RA_TYPE_ACTION_FILTER, NULL);
}

const char *
ra_action_filter_get_search (RaActionFilter *self)
{
  g_return_val_if_fail (RA_IS_ACTION_FILTER (self), NULL);

  return self->search;
}

void
ra_action_filter_set_search (RaActionFilter *self,
                             const char     *search)
{
  g_autofree char *old = NULL;
  g_autofree char *stripped = NULL;
  GtkFilterChange change;

  g_return_if_fail (RA_IS_ACTION_FILTER (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);

  old = g_steal_pointer (&self->needle);
  g_clear_pointer (&self->needle_words, g_strfreev);

  stripped = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (stripped[0] != '\0')
    {
      g_auto(GStrv) words = NULL;
      GPtrArray *kept = g_ptr_array_new ();

      self->needle = fold (stripped);
      words = g_strsplit_set (self->needle, " \t\n\r", -1);
      for (guint i = 0; words[i] != NULL; i++)
        if (words[i][0] != '\0')
          g_ptr_array_add (kept, g_strdup (words[i]));
      g_ptr_array_add (kept, NULL);
      self->needle_words = (char **) g_ptr_array_free (kept, FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);

  if (g_strcmp0 (old, self->needle) == 0)
    return;

  /* A search that contains the previous one can only match fewer rows
   * (each old word lies inside a new word), and the other way round;
   * saying so lets the filter model look only at the rows that can
   * change. */
  if (old == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->needle == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (self->needle, old) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (old, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  gtk_filter_changed (GTK_FILTER (self), change);
}

#define FLAG_ACCESSORS(name, PROP)                                         \
gboolean                                                                   \
ra_action_filter_get_##name (RaActionFilter *self)                         \
{                                                                          \
  g_return_val_if_fail (RA_IS_ACTION_FILTER (self), FALSE);                \
  return self->name;                                                       \
}                                                                          \
                                                                           \
void                                                                       \
ra_action_filter_set_##name (RaActionFilter *self,                         \
                             gboolean        value)                        \
{                                                                          \
  g_return_if_fail (RA_IS_ACTION_FILTER (self));                           \
  ra_action_filter_set_flag (self, PROP, value);                           \
}

FLAG_ACCESSORS (api_enabled_only, PROP_API_ENABLED_ONLY)
FLAG_ACCESSORS (windows, PROP_WINDOWS)
FLAG_ACCESSORS (macos, PROP_MACOS)
FLAG_ACCESSORS (data_collection, PROP_DATA_COLLECTION)
FLAG_ACCESSORS (remediation, PROP_REMEDIATION)

gboolean
ra_action_filter_get_search_is_empty (RaActionFilter *self)
{
  g_return_val_if_fail (RA_IS_ACTION_FILTER (self), TRUE);

  return self->needle == NULL;
}

gboolean
ra_action_filter_get_is_default (RaActionFilter *self)
{
  g_return_val_if_fail (RA_IS_ACTION_FILTER (self), TRUE);

  return self->api_enabled_only && self->windows && self->macos &&
         self->data_collection && self->remediation;
}
