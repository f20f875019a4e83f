-- A folder's assets whatever their trash state: a folder's time (getFolderTree, getFolders, searchAssets' folder
-- check), whether deleteFolder finds assets in it, renames and moves of a folder, searches of the trash. assets_path
-- holds only live assets, so without this index each of those read every asset of the database. Pattern order, as
-- assets_path, so that a subtree is an index range. Creation time and name follow the folder so that a subtree
-- search by date range and name prefix tests both in the index and reads only the rows it answers with, instead
-- of every asset of the subtree. The plans are in bench/RESULTS.md (bench search).
create index assets_folder on assets (company_id, folder text_pattern_ops, created_at, lower(name) text_pattern_ops);
