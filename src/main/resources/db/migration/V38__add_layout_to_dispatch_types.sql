-- How each type is laid out (HD 36-HD/VPTW for the Party, NĐ 30/2020/NĐ-CP Phụ lục I for the state; ADR 0035):
-- every type but the công văn carries its name as a capital title in the middle with the subject under it
-- (title); only some types address their recipients under "Kính gửi" (uses_addressees).
alter table dispatch_type
    add column title           varchar(100),
    add column uses_addressees boolean not null default false;

update dispatch_type set title = case code
    when 'NQ'  then 'NGHỊ QUYẾT'
    when 'QĐ'  then 'QUYẾT ĐỊNH'
    when 'CT'  then 'CHỈ THỊ'
    when 'KL'  then 'KẾT LUẬN'
    when 'QC'  then 'QUY CHẾ'
    when 'QĐi' then 'QUY ĐỊNH'
    when 'HD'  then 'HƯỚNG DẪN'
    when 'BC'  then 'BÁO CÁO'
    when 'KH'  then 'KẾ HOẠCH'
    when 'CTr' then 'CHƯƠNG TRÌNH'
    when 'TB'  then 'THÔNG BÁO'
    when 'TTr' then 'TỜ TRÌNH'
    when 'BB'  then 'BIÊN BẢN'
    when 'GM'  then 'GIẤY MỜI'
    end
 where code <> 'CV';

-- The công văn is addressed by definition; a tờ trình is addressed to the body asked to decide, a giấy mời to
-- those invited.
update dispatch_type set uses_addressees = true where code in ('CV', 'TTr', 'GM');

-- A type without a title is laid out as a công văn; one is.
alter table dispatch_type add constraint dispatch_type_title_check check (title is not null or code = 'CV');
